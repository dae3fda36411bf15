import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartCsv } from '$lib/export/csv-export';
import { budgetRows, timelineRows } from '$lib/export/programme-rows';

const framework = JSON.parse(readFileSync('datasets/programme/ro21.json', 'utf8')) as {
  financing: { total: number };
  projects: { id: string; title: string; budget: number }[];
};

const text = {
  title: 'Budget by project',
  subtitle: '',
  source: 'Source: x',
  notes: [],
  unit: 'EUR'
};

describe('budgetRows', () => {
  const projects = framework.projects.map((p) => ({
    code: p.id,
    label: p.title,
    amount: p.budget
  }));
  const rest = framework.financing.total - projects.reduce((sum, p) => sum + p.amount, 0);
  const rows = budgetRows(
    [...projects, { code: 'not-allocated', label: 'Not allocated', amount: rest }],
    'project',
    '2013-06-17/2017-12-31'
  );

  it('gives one row per bar, in euro, dated with the programme period', () => {
    expect(rows).toHaveLength(framework.projects.length + 1);
    expect(rows[0]).toEqual({
      dataset: 'ro21',
      dimensions: [{ id: 'project', code: 'p1', label: framework.projects[0].title }],
      period: '2013-06-17/2017-12-31',
      value: framework.projects[0].budget,
      unit: 'EUR',
      flag: null
    });
    expect(rows.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(framework.financing.total);
  });

  it('writes the CSV columns of the data charts, with the project as the dimension', () => {
    const [header, first] = chartCsv(rows, text).slice(1).split('\r\n');
    expect(header).toBe('dataset,project_code,project_label,time,value,unit,flag,flag_meaning');
    expect(first).toBe(
      `ro21,p1,${framework.projects[0].title},2013-06-17/2017-12-31,${framework.projects[0].budget},EUR,,`
    );
  });

  it('neutralises a label a spreadsheet would run', () => {
    const hostile = budgetRows([{ code: 'x', label: '=1+1', amount: -5 }], 'promoter', '');
    const line = chartCsv(hostile, text).slice(1).split('\r\n')[1];
    expect(line).toBe("ro21,x,'=1+1,,-5,EUR,,");
  });
});

describe('timelineRows', () => {
  it('gives one row per milestone in date order, with its date and no value', () => {
    const rows = timelineRows([
      { code: 'programme', label: 'End of eligibility', date: '2017-12-31' },
      { code: 'period', label: 'Programme period', date: '2013-06-17/2017-12-31' },
      { code: 'p6', label: 'Event, Bucharest', date: '2017-05' },
      { code: 'programme', label: 'Programme approved', date: '2013-06-17' }
    ]);
    expect(rows.map((r) => [r.dimensions[0].code, r.period, r.value])).toEqual([
      ['period', '2013-06-17/2017-12-31', null],
      ['programme', '2013-06-17', null],
      ['p6', '2017-05', null],
      ['programme', '2017-12-31', null]
    ]);
    expect(rows[2].dimensions[0]).toEqual({ id: 'event', code: 'p6', label: 'Event, Bucharest' });
  });
});
