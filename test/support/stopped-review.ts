/**
 * Stops the running review of a proposal by hand (ABORTED) and records it as the status-change rule
 * records it on AWS (the local runtime has no EventBridge): the review an operator may restart.
 */
import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { proposalRepository } from '#ports/proposal-repository';
import { recordStoppedReview } from '#usecases/record-stopped-review';

export async function stopReview(proposalId: string): Promise<void> {
  const stored = (await proposalRepository.get(proposalId))!.value;
  const name = stored.workflow!.executionName;
  const executionArn = `${process.env.REVIEW_STATE_MACHINE_ARN!.replace(':stateMachine:', ':execution:')}:${name}`;
  const sfn = new SFNClient({
    endpoint: process.env.AWS_ENDPOINT_URL_SFN,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await sfn.send(new StopExecutionCommand({ executionArn }));
  } finally {
    sfn.destroy();
  }
  const recorded = await recordStoppedReview({
    executionName: name,
    status: 'ABORTED',
    cause: 'Stopped by hand in the Step Functions console.',
    review: { proposalId, version: stored.version, round: stored.consultation?.round ?? 1 },
  });
  if (recorded !== 'RECORDED') throw new Error(`The stop of ${name} was recorded before.`);
}
