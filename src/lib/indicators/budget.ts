import type { Framework } from './framework';

export interface PromoterBudget {
  code: string;
  name: string;
  amount: number;
  projects: string[];
}

export interface BudgetSummary {
  total: number;
  /** Sum of the six projects' budgets in the programme description. */
  projects: number;
  /**
   * total − projects: the part of the allocation the published description does not give
   * to any project (management and other costs are not itemised in any source read).
   */
  notAllocated: number;
  /** Sum of the financing lines; equals total in a valid file. */
  financing: number;
  byPromoter: PromoterBudget[];
}

/** The programme's money as published, with the remainder shown rather than explained away. */
export function budgetSummary(framework: Framework): BudgetSummary {
  const projects = framework.projects.reduce((sum, p) => sum + p.budget, 0);
  const financing = framework.financing.lines.reduce((sum, l) => sum + l.amount, 0);
  const promoters = new Map<string, PromoterBudget>();
  for (const p of framework.projects) {
    const entry = promoters.get(p.promoter.code) ?? {
      code: p.promoter.code,
      name: p.promoter.name,
      amount: 0,
      projects: []
    };
    entry.amount += p.budget;
    entry.projects.push(p.id);
    promoters.set(p.promoter.code, entry);
  }
  return {
    total: framework.financing.total,
    projects,
    notAllocated: framework.financing.total - projects,
    financing,
    byPromoter: [...promoters.values()].sort((a, b) => b.amount - a.amount)
  };
}
