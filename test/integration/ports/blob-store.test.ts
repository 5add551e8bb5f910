import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { mockClient } from 'aws-sdk-client-mock';
import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '#domain/errors';
import { InvalidBlobKeyError } from '#ports/blob-store';
import { FolderBlobStore } from '#ports/blob-store-folder';
import { S3BlobStore } from '#ports/blob-store-s3';
import { useTempDirs } from './temp-dir.ts';
import { startAwsStandIns } from '#local/aws/server';
import { s3StandIn } from '#local/aws/s3';

const tempDir = useTempDirs();
const certificateKey = 'certificates/2026/OGDL-2026-000001.pdf';

describe('FolderBlobStore', () => {
  it('gives back the bytes and content type it was given, also to a new instance on the same folder', async () => {
    const root = await tempDir();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);
    await new FolderBlobStore(root).put(certificateKey, pdf, 'application/pdf');

    const stored = await new FolderBlobStore(root).get(certificateKey);

    expect(stored?.contentType).toBe('application/pdf');
    expect(stored?.bytes.equals(pdf)).toBe(true);
    // The PDF sits where a developer looks for it.
    expect((await readFile(join(root, 'certificates', '2026', 'OGDL-2026-000001.pdf'))).equals(pdf)).toBe(
      true,
    );
  });

  it('replaces bytes and content type when the same key is written again', async () => {
    const blobs = new FolderBlobStore(await tempDir());
    await blobs.put('reports/fp-1/r1.json', Buffer.from('{"v":1}'), 'application/json');

    await blobs.put('reports/fp-1/r1.json', Buffer.from('第二版'), 'text/plain; charset=utf-8');

    const stored = await blobs.get('reports/fp-1/r1.json');
    expect(stored?.bytes.toString('utf8')).toBe('第二版');
    expect(stored?.contentType).toBe('text/plain; charset=utf-8');
  });

  it('answers undefined for a key never written, including one below an existing blob', async () => {
    const blobs = new FolderBlobStore(await tempDir());
    await blobs.put(certificateKey, Buffer.from('x'), 'application/pdf');

    expect(await blobs.get('certificates/2026/OGDL-2026-000002.pdf')).toBeUndefined();
    expect(await blobs.get(`${certificateKey}/inner`)).toBeUndefined();
    expect(await blobs.get('certificates/2026')).toBeUndefined();
  });

  it('refuses keys that could escape the folder or reach its metadata, and writes nothing for them', async () => {
    const parent = await tempDir();
    const root = join(parent, 'blobs');
    const blobs = new FolderBlobStore(root);
    const escaping = [
      '../outside.pdf',
      'certificates/../../outside.pdf',
      '/etc/passwd',
      'certificates\\..\\..\\outside.pdf',
      'C:\\outside.pdf',
      'certificates//x.pdf',
      'certificates/./x.pdf',
      '.meta/certificates/x.pdf.json',
      'certificates/2026/',
      '',
    ];

    for (const key of escaping) {
      await expect(blobs.put(key, Buffer.from('x'), 'text/plain'), key).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
      await expect(blobs.get(key), key).rejects.toBeInstanceOf(InvalidBlobKeyError);
    }
    expect(await readdir(parent)).toEqual([]);
  });

  it('leaves one whole version and no temporary files when writers race on one key', async () => {
    const root = await tempDir();
    const blobs = new FolderBlobStore(root);
    const versions = Array.from({ length: 12 }, (_, i) => Buffer.alloc(256 * 1024, i));

    await Promise.all(versions.map((bytes) => blobs.put(certificateKey, bytes, 'application/pdf')));

    const stored = await blobs.get(certificateKey);
    expect(versions.some((v) => v.equals(stored!.bytes))).toBe(true);
    expect(await readdir(join(root, 'certificates', '2026'))).toEqual(['OGDL-2026-000001.pdf']);
  });
});

describe('S3BlobStore', () => {
  const client = new S3Client({
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const s3 = mockClient(client);

  it('puts with the configured server-side encryption and content type', async () => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
    const pdf = Buffer.from('%PDF-1.7');

    await new S3BlobStore({
      bucket: 'ogdl-docs',
      encryption: { type: 'aws:kms', kmsKeyId: 'alias/ogdl-docs' },
      client,
    }).put(certificateKey, pdf, 'application/pdf');
    await new S3BlobStore({ bucket: 'ogdl-docs', encryption: { type: 'AES256' }, client }).put(
      certificateKey,
      pdf,
      'application/pdf',
    );

    await new S3BlobStore({ bucket: 'ogdl-docs', encryption: { type: 'AES256' }, client }).put(
      'reports/fp-1/consultation-round-1.pdf',
      pdf,
      'application/pdf',
    );

    const [kms, aes, report] = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    // A certificate is an official record: written locked (governance mode), with the checksum S3 asks for.
    const locked = {
      ObjectLockMode: 'GOVERNANCE',
      ObjectLockRetainUntilDate: expect.any(Date),
      ChecksumAlgorithm: 'CRC32',
    };
    expect(kms).toEqual({
      Bucket: 'ogdl-docs',
      Key: certificateKey,
      Body: pdf,
      ContentType: 'application/pdf',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'alias/ogdl-docs',
      BucketKeyEnabled: true,
      ...locked,
    });
    expect(aes).toEqual({
      Bucket: 'ogdl-docs',
      Key: certificateKey,
      Body: pdf,
      ContentType: 'application/pdf',
      ServerSideEncryption: 'AES256',
      ...locked,
    });
    const years = (kms!.ObjectLockRetainUntilDate as Date).getUTCFullYear() - new Date().getUTCFullYear();
    expect(years).toBe(10);
    // A report is not: no lock headers.
    expect(report).toEqual({
      Bucket: 'ogdl-docs',
      Key: 'reports/fp-1/consultation-round-1.pdf',
      Body: pdf,
      ContentType: 'application/pdf',
      ServerSideEncryption: 'AES256',
    });
  });

  it('reads an object back, answers undefined for NoSuchKey and 503 for SlowDown', async () => {
    s3.reset();
    const blobs = new S3BlobStore({ bucket: 'ogdl-docs', encryption: { type: 'AES256' }, client });
    const body = { transformToByteArray: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]) };
    s3.on(GetObjectCommand, { Key: certificateKey }).resolves({
      Body: body as any,
      ContentType: 'application/pdf',
    });
    s3.on(GetObjectCommand, { Key: 'certificates/2026/missing.pdf' }).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }),
    );
    s3.on(GetObjectCommand, { Key: 'certificates/2026/hot.pdf' }).rejects(
      new S3ServiceException({
        name: 'SlowDown',
        $fault: 'server',
        message: 'Please reduce your request rate.',
        $metadata: {},
      }),
    );

    expect(await blobs.get(certificateKey)).toEqual({
      bytes: Buffer.from('%PDF'),
      contentType: 'application/pdf',
    });
    expect(await blobs.get('certificates/2026/missing.pdf')).toBeUndefined();
    await expect(blobs.get('certificates/2026/hot.pdf')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('streams and download links', () => {
  const big = () => Buffer.concat(Array.from({ length: 12 }, (_, i) => Buffer.alloc(1024 * 1024, i)));

  it('FolderBlobStore stores a stream whole and signs links that only work unaltered and unexpired', async () => {
    const blobs = new FolderBlobStore(await tempDir(), 'link-secret');
    const bytes = big();
    await blobs.putStream(
      'reports/fp-1/big.pdf',
      Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]),
      'application/pdf',
    );

    expect(await blobs.size('reports/fp-1/big.pdf')).toBe(bytes.length);
    expect((await blobs.get('reports/fp-1/big.pdf'))?.bytes.equals(bytes)).toBe(true);
    expect(await blobs.size('reports/fp-1/none.pdf')).toBeUndefined();
    const link = new URL(
      await blobs.downloadUrl('reports/fp-1/big.pdf', {
        filename: 'big.pdf',
        contentType: 'application/pdf',
        expiresInSeconds: 300,
      }),
      'http://127.0.0.1',
    );
    const [filename, expires, signature] = ['filename', 'expires', 'signature'].map((n) =>
      link.searchParams.get(n)!,
    );
    expect(link.pathname).toBe('/_local/blobs/reports/fp-1/big.pdf');
    expect(blobs.verifyDownload('reports/fp-1/big.pdf', filename!, expires!, signature!)).toBe(true);
    expect(blobs.verifyDownload('reports/fp-1/other.pdf', filename!, expires!, signature!)).toBe(false);
    expect(blobs.verifyDownload('reports/fp-1/big.pdf', 'x.pdf', expires!, signature!)).toBe(false);
    expect(
      blobs.verifyDownload('reports/fp-1/big.pdf', filename!, String(Number(expires) + 1), signature!),
    ).toBe(false);
    expect(blobs.verifyDownload('reports/fp-1/big.pdf', filename!, '1000', signature!)).toBe(false);
    await expect(
      new FolderBlobStore(await tempDir()).downloadUrl('reports/fp-1/big.pdf', {
        filename: 'big.pdf',
        contentType: 'application/pdf',
        expiresInSeconds: 300,
      }),
    ).rejects.toThrow('without a link secret');
  });

  it('S3BlobStore uploads a 12 MB stream in parts, tells its size, and presigns a GET that serves it as a PDF', async () => {
    const standIns = await startAwsStandIns([s3StandIn(await tempDir())]);
    try {
      const client = new S3Client({
        region: 'ap-northeast-1',
        endpoint: standIns.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const blobs = new S3BlobStore({ bucket: 'ogdl-docs', encryption: { type: 'AES256' }, client });
      const bytes = big();

      await blobs.putStream('reports/fp-1/big.pdf', Readable.from([bytes]), 'application/pdf');
      await blobs.putStream(
        'reports/fp-1/small.pdf',
        Readable.from([Buffer.from('%PDF-1.7')]),
        'application/pdf',
      );

      const operations = standIns.calls.map((c) => c.operation);
      expect(operations.filter((o) => o === 'UploadPart')).toHaveLength(3);
      expect(operations).toContain('CompleteMultipartUpload');
      expect(operations.filter((o) => o === 'PutObject')).toHaveLength(1);
      expect(await blobs.size('reports/fp-1/big.pdf')).toBe(bytes.length);
      expect(await blobs.size('reports/fp-1/none.pdf')).toBeUndefined();
      const link = await blobs.downloadUrl('reports/fp-1/big.pdf', {
        filename: 'report.pdf',
        contentType: 'application/pdf',
        expiresInSeconds: 300,
      });
      expect(link).toContain('X-Amz-Expires=300');
      const res = await fetch(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe('inline; filename="report.pdf"');
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await standIns.close();
    }
  });
});
