/**
 * Build-time constants of every AWS bundle. The ports choose local adapters (mail outbox, blob
 * folder, local signing key, table scheduler, in-process PDF rendering) at run time, and esbuild
 * would bundle every module a branch may import. On AWS those branches can never run, so the
 * bundles fix `process.env.OGDL_LOCAL_ADAPTERS` to "false": each port tests it first, the branch
 * folds to dead code and its modules (nodemailer, pdfkit, the local key store) stay out.
 * Locally nothing is defined and the variable is unset, so every branch is live as before.
 */
export const AWS_BUNDLE_DEFINE: Readonly<Record<string, string>> = {
  'process.env.OGDL_LOCAL_ADAPTERS': JSON.stringify('false'),
};
