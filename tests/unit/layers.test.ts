import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The layer rule's messages for `code` as if it were the file at `filePath`. */
async function layerProblems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((message) => message.ruleId === 'cooperare/layers')
    .map((message) => message.message);
}

describe('the layer rule of `npm run lint`', () => {
  it('reports a lower layer importing a higher one, by alias or by relative path', async () => {
    const aliased = "import { planExplore } from '$lib/explore/plan';\nplanExplore;\n";
    expect(await layerProblems(aliased, 'src/lib/catalog/planted.ts')).toEqual([
      'src/lib/catalog may not import src/lib/explore: only its own folder and those of lower layers (LAYERS in eslint.config.js).'
    ]);
    const relative = "export { exportRowsFromSeries } from '../../export/rows';\n";
    expect(await layerProblems(relative, 'src/lib/charts/line/planted.ts')).toHaveLength(1);
  });

  it('reports a folder importing another of its own layer, and src/lib importing a route', async () => {
    const sibling =
      "import type { ChartChoice } from '$lib/sql/chart';\nexport type C = ChartChoice;\n";
    expect(await layerProblems(sibling, 'src/lib/explore/planted.ts')).toHaveLength(1);
    const route = "const view = import('../../routes/home-view');\nview;\n";
    expect(await layerProblems(route, 'src/lib/export/planted.ts')).toHaveLength(1);
  });

  it('reports a folder that has no layer', async () => {
    expect(await layerProblems('export {};\n', 'src/lib/planted/planted.ts')).toEqual([
      'src/lib/planted has no place in LAYERS (eslint.config.js).'
    ]);
  });

  it('lets a module import its own folder and lower layers, and a route import anything', async () => {
    const downward = [
      "import { frequencyOf } from '$lib/model/period';",
      "import { seriesSql } from '../query/series';",
      "import { toChartSeries } from './series';",
      'export { frequencyOf, seriesSql, toChartSeries };',
      ''
    ].join('\n');
    expect(await layerProblems(downward, 'src/lib/charts/planted.ts')).toEqual([]);
    const page = "import { planExplore } from '$lib/explore/plan';\nplanExplore;\n";
    expect(await layerProblems(page, 'src/routes/planted.ts')).toEqual([]);
  });
});
