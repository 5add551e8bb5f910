// A domain module must leave nothing in a bundle that uses none of it: its schemas are built by
// calls marked /* @__PURE__ */ (zod.ts says why), and a statement the bundler must keep — a schema's
// property read at module scope, an object spread, an unmarked call — keeps every schema of the
// module and of those it imports, in every handler that imports one function from it. Nothing else
// notices: the handlers still work, only heavier.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESBUILD_OPTIONS, PROJECT_ROOT } from '../../infra/aws/constructs/service-function.ts';

const DOMAIN = path.join(PROJECT_ROOT, 'functions/domain');
const modules = readdirSync(DOMAIN).filter((file) => file.endsWith('.ts'));

describe('the domain modules, bundled as the handlers are', () => {
  it('are all checked', () => {
    expect(modules).toContain('fee-proposal.ts');
  });

  it.each(modules)('%s leaves nothing in a bundle that imports it and uses none of it', async (file) => {
    const result = await build({
      ...ESBUILD_OPTIONS,
      banner: {},
      write: false,
      stdin: {
        contents: `import ${JSON.stringify(path.join(DOMAIN, file))};`,
        resolveDir: PROJECT_ROOT,
        loader: 'ts',
      },
    });
    expect(result.outputFiles[0]!.text.trim()).toBe('');
  });
});
