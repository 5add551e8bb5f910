/**
 * The workflow's Lambda functions by the placeholder the ASL names them with. CDK creates one
 * function per entry and substitutes its ARN; the local runtime binds the same handlers in-process.
 */
export const reviewTaskFunctions = {
  PublishConsultationNoticeFunctionArn: 'functions/tasks/publish-consultation-notice.ts',
  AwaitConsultationCloseFunctionArn: 'functions/tasks/await-consultation-close.ts',
  CloseConsultationFunctionArn: 'functions/tasks/close-consultation.ts',
  AwaitDispositionsFunctionArn: 'functions/tasks/await-dispositions.ts',
  PublishConsultationReportFunctionArn: 'functions/tasks/publish-consultation-report.ts',
  OpenVoteFunctionArn: 'functions/tasks/open-vote.ts',
  AwaitVoteFunctionArn: 'functions/tasks/await-vote.ts',
  ApplyDecisionFunctionArn: 'functions/tasks/apply-decision.ts',
  ContinueReviewFunctionArn: 'functions/tasks/continue-review.ts',
  RecordReviewFailureFunctionArn: 'functions/tasks/record-review-failure.ts',
} as const;

/** Invoked by the scheduler, not by the workflow. */
export const deadlineFunctionEntry = 'functions/tasks/fire-deadline.ts';

/** Invoked by EventBridge when a review execution fails, times out or is aborted. */
export const reviewStoppedEntry = 'functions/tasks/record-stopped-review.ts';

/** Invoked every hour: fires deadlines whose schedule did not (see usecases/sweep-deadlines.ts). */
export const deadlineSweepEntry = 'functions/tasks/sweep-deadlines.ts';

/** Invoked synchronously by the HTTP functions that issue certificates, which render nothing themselves. */
export const certificateRendererEntry = 'functions/tasks/render-certificate.ts';
