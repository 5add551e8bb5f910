// Public AWS list prices used to project the cost of a proposal and of a certificate. Taken from the
// author's knowledge of the published price pages (US East (N. Virginia), on-demand, no free tier), as of
// 2025-06; they were NOT looked up at run time. Prices change and differ by region (the service would run
// in Asia Pacific (Tokyo) or (Taipei)): re-check every line at https://aws.amazon.com/<service>/pricing/
// before quoting a projection.
export const PRICES = {
  takenAt: '2025-06 (from knowledge of the public price pages; not fetched)',
  region: 'us-east-1 (N. Virginia) list prices; Tokyo/Taipei differ',
  note: 'Must be re-checked against the current AWS price pages before use.',
  stepFunctionsStandardPerTransition: 0.025 / 1000, // USD per state transition
  lambdaArm64PerGbSecond: 0.0000133334, // USD per GB-second, first pricing tier
  lambdaPerRequest: 0.2 / 1_000_000, // USD per invocation
  dynamoDbOnDemandPerWriteRequestUnit: 0.625 / 1_000_000, // USD per WRU (after the Nov 2024 price cut)
  dynamoDbOnDemandPerReadRequestUnit: 0.125 / 1_000_000, // USD per RRU
  s3StandardPerPut: 0.005 / 1000, // USD per PUT/COPY/POST/LIST request
  s3StandardPerGet: 0.0004 / 1000, // USD per GET request
  sesPerMail: 0.1 / 1000, // USD per outbound message
  kmsAsymmetricPerSign: 0.15 / 10_000, // USD per asymmetric (ECC) Sign request
  apiGatewayHttpPerRequest: 1.0 / 1_000_000, // USD per HTTP API request (first 300 M a month)
  eventBridgeSchedulerPerInvocation: 1.0 / 1_000_000, // USD per scheduled invocation
} as const;

/** Memory the CDK wrapper gives each function (service-function.ts): PDF renderers get more. */
export const LAMBDA_MEMORY_GB = { default: 0.5, rendersPdf: 1.5 } as const;
