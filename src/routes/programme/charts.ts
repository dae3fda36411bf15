import type { ChartText } from '$lib/model/chart-text';
import type { BudgetLine, Milestone } from '$lib/export/programme-rows';
import { m } from '$lib/i18n';
import { budgetSummary } from '$lib/indicators/budget';
import type { Framework } from '$lib/indicators/framework';
import { local } from './text';

/** What a budget chart adds up: the money per project, or per promoter. */
export type BudgetBy = 'project' | 'promoter';

/** A budget chart's bars, as drawn and downloaded. */
export interface BudgetBar extends BudgetLine {
  /** An amount no source gives to anyone: drawn hatched. */
  unassigned?: boolean;
}

export function budgetBars(framework: Framework, by: BudgetBy): BudgetBar[] {
  const budget = budgetSummary(framework);
  if (by === 'promoter')
    return budget.byPromoter.map((p) => ({
      code: p.code,
      label: `${p.code} (${p.name})`,
      amount: p.amount
    }));
  // The remainder is a bar of its own, so the bars add up to the programme's total.
  return [
    ...framework.projects.map((p) => ({
      code: p.id,
      label: `${p.number ?? p.promoter.code}: ${p.title}`,
      amount: p.budget
    })),
    {
      code: 'not-allocated',
      label: m.programme_not_allocated(),
      amount: budget.notAllocated,
      unassigned: true
    }
  ];
}

/** The programme period as an ISO 8601 interval: what budgets are allocated for. */
export function programmePeriod(framework: Framework): string {
  return `${framework.programme.approved}/${framework.programme.eligibleUntil}`;
}

/** The source line of a programme figure: the pages it was read from, and when they were read. */
export function programmeSourceLine(framework: Framework, urls: readonly string[]): string {
  const url = [...new Set(urls)].join('; ');
  const read = framework.programme.sourcesReadIn;
  return read ? m.programme_source_line({ url, read }) : m.programme_source_line_undated({ url });
}

export function budgetText(framework: Framework, by: BudgetBy): ChartText {
  return by === 'project'
    ? {
        title: m.programme_budget_projects_heading(),
        subtitle: m.programme_budget_projects_desc(),
        source: programmeSourceLine(framework, framework.programme.sources),
        notes: [],
        unit: 'EUR'
      }
    : {
        title: m.programme_budget_promoters_heading(),
        subtitle: m.programme_budget_promoters_desc(),
        source: programmeSourceLine(framework, framework.programme.sources),
        notes: [],
        unit: 'EUR'
      };
}

/** The programme period, then each dated event, as the timeline draws them. */
export function milestones(framework: Framework): Milestone[] {
  return [
    { code: 'period', label: m.programme_period_band(), date: programmePeriod(framework) },
    ...framework.events.map((e) => ({
      code: e.project ?? 'programme',
      label: local(e.label),
      date: e.date
    }))
  ];
}

export function timelineText(framework: Framework): ChartText {
  return {
    title: m.programme_timeline_heading(),
    subtitle: m.programme_timeline_desc(),
    source: programmeSourceLine(framework, [
      ...framework.programme.sources,
      ...framework.events.map((e) => e.source)
    ]),
    notes: [m.programme_timeline_note()],
    unit: ''
  };
}
