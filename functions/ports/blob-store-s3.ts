/**
 * Blobs on AWS: one S3 object per key, encrypted at rest as configured (`aws:kms` with the
 * service's key, or S3-managed `AES256`). The content type travels as the object's Content-Type,
 * so a presigned or CloudFront URL serves the PDF as a PDF. Official records are written locked
 * (`recordLockedUntil`).
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PutObjectCommandInput } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { isAwsError, rethrowAsUnavailable } from './aws-faults.ts';
import { assertBlobKey, inlineDisposition, recordLockedUntil } from './blob-store.ts';
import { currentClock } from './clock.ts';
import { traced } from './tracing.ts';
import type { BlobStore, DownloadOptions, StoredBlob } from './blob-store.ts';

/** Created once per container and shared; tests inject their own. */
const defaultClient = traced(new S3Client({ maxAttempts: 4 }));
/**
 * Presigning calls nothing, so there is nothing to trace; and the tracer's trace header must not
 * become a signed header of a link a browser follows.
 */
const presigningClient = new S3Client({});

/** S3 says SlowDown (503) when a prefix is hot; the SDK marks it as throttling, named here too. */
const S3_FAULTS = ['SlowDown', 'ServiceUnavailable', 'InternalError'];

export type S3Encryption = { type: 'aws:kms'; kmsKeyId?: string } | { type: 'AES256' };

export interface S3BlobStoreOptions {
  bucket: string;
  encryption: S3Encryption;
  client?: S3Client;
}

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly presigner: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.client = options.client ?? defaultClient;
    this.presigner = options.client ?? presigningClient;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    assertBlobKey(key);
    const lockedUntil = recordLockedUntil(key, currentClock().now());
    // S3 wants a checksum with lock headers; the SDK sends a CRC32 of the body by default.
    const lock: Partial<PutObjectCommandInput> = lockedUntil
      ? { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: lockedUntil, ChecksumAlgorithm: 'CRC32' }
      : {};
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ...this.encryption(),
          ...lock,
        }),
      );
    } catch (error) {
      rethrowAsUnavailable(error, 'Blob storage', S3_FAULTS);
    }
  }

  /**
   * lib-storage's Upload: one PutObject for a body under one part (5 MB), else a multipart upload
   * of 5 MB parts sent as they fill (at most 4 at once, so about 20 MB in memory at worst). No
   * object appears under the key until the upload completes. A failed upload's parts are left for
   * the bucket's lifecycle rule to remove (a week later) rather than aborted here, which would need
   * s3:AbortMultipartUpload and could hide the upload's own error behind the abort's.
   */
  async putStream(key: string, body: Readable, contentType: string): Promise<void> {
    assertBlobKey(key);
    try {
      await new Upload({
        client: this.client,
        leavePartsOnError: true,
        params: {
          Bucket: this.options.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ...this.encryption(),
        },
      }).done();
    } catch (error) {
      rethrowAsUnavailable(error, 'Blob storage', S3_FAULTS);
    }
  }

  async size(key: string): Promise<number | undefined> {
    assertBlobKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return head.ContentLength;
    } catch (error) {
      // HEAD has no body, so a missing key is NotFound (404) rather than NoSuchKey.
      if (isAwsError(error, 'NotFound') || isAwsError(error, 'NoSuchKey')) return undefined;
      rethrowAsUnavailable(error, 'Blob storage', S3_FAULTS);
    }
  }

  /**
   * A presigned GET, signed with the function's own credentials: whoever follows it reads the object
   * with the function's s3:GetObject (and kms:Decrypt) for `expiresInSeconds`, and S3 answers with
   * the content type and disposition given here.
   */
  async downloadUrl(key: string, download: DownloadOptions): Promise<string> {
    assertBlobKey(key);
    return getSignedUrl(
      this.presigner,
      new GetObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        ResponseContentType: download.contentType,
        ResponseContentDisposition: inlineDisposition(download.filename),
      }),
      { expiresIn: download.expiresInSeconds },
    );
  }

  private encryption(): Partial<PutObjectCommandInput> {
    return this.options.encryption.type === 'aws:kms'
      ? {
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: this.options.encryption.kmsKeyId,
          // One data key per bucket instead of a KMS call per object: cheaper, fewer throttles.
          BucketKeyEnabled: true,
        }
      : { ServerSideEncryption: 'AES256' };
  }

  async get(key: string): Promise<StoredBlob | undefined> {
    assertBlobKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!object.Body) return undefined;
      const bytes = Buffer.from(await object.Body.transformToByteArray());
      return { bytes, contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      // NoSuchKey needs s3:ListBucket on the bucket; without it S3 answers 403 for a missing key.
      if (isAwsError(error, 'NoSuchKey')) return undefined;
      rethrowAsUnavailable(error, 'Blob storage', S3_FAULTS);
    }
  }
}
