/** The review executions of one proposal, by name with their status, as the local workflow service lists them. */
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';

export async function reviewExecutions(proposalId: string): Promise<Record<string, string>> {
  const sfn = new SFNClient({
    endpoint: process.env.AWS_ENDPOINT_URL_SFN,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: process.env.REVIEW_STATE_MACHINE_ARN }),
    );
    return Object.fromEntries(
      executions.filter((e) => e.name?.startsWith(`${proposalId}-`)).map((e) => [e.name!, e.status!]),
    );
  } finally {
    sfn.destroy();
  }
}
