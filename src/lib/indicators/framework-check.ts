/**
 * Reads a results framework file (framework.ts) field by field: the file is written by
 * people, so every problem is reported with where it is, rather than trusted as typed.
 */
import type { Framework, FrameworkResult } from './framework';

const ORIGINS: readonly string[] = ['programme document', 'project description', 'evaluator'];
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;
const YEAR = /^\d{4}$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/;

type Json = unknown;

/** Collects problems as it walks the file, each prefixed with where it was found. */
class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  object(value: Json, path: string): Record<string, Json> | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, Json>;
    this.fail(path, 'should be an object { … }');
    return null;
  }

  array(value: Json, path: string): Json[] {
    if (Array.isArray(value)) return value;
    this.fail(path, 'should be a list [ … ]');
    return [];
  }

  string(value: Json, path: string, pattern?: RegExp, hint?: string): boolean {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'should be a non-empty text');
      return false;
    }
    if (pattern && !pattern.test(value)) {
      this.fail(path, `“${value}” should be ${hint}`);
      return false;
    }
    return true;
  }

  number(value: Json, path: string, { min = -Infinity, integer = false } = {}): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, 'should be a number');
      return false;
    }
    if (value < min || (integer && !Number.isInteger(value))) {
      this.fail(path, `${value} should be ${integer ? 'a whole number' : 'a number'} ≥ ${min}`);
      return false;
    }
    return true;
  }

  year(value: Json, path: string): boolean {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2100)
      return true;
    this.fail(path, 'should be a year such as 2012');
    return false;
  }

  oneOf(value: Json, path: string, allowed: readonly string[]): boolean {
    if (typeof value === 'string' && allowed.includes(value)) return true;
    this.fail(path, `should be one of ${allowed.map((a) => `“${a}”`).join(', ')}`);
    return false;
  }

  text(value: Json, path: string): void {
    const o = this.object(value, path);
    if (!o) return;
    this.string(o.en, `${path}.en`);
    this.string(o.ro, `${path}.ro`);
  }

  optionalText(value: Json, path: string): void {
    if (value !== undefined) this.text(value, path);
  }

  textOrString(value: Json, path: string): void {
    if (typeof value === 'string') this.string(value, path);
    else this.text(value, path);
  }

  uniqueIds(items: Json[], path: string): Set<string> {
    const ids = new Set<string>();
    items.forEach((item, i) => {
      const id = (item as { id?: Json } | null)?.id;
      if (!this.string(id, `${path}[${i}].id`)) return;
      if (ids.has(id as string)) this.fail(`${path}[${i}].id`, `“${id}” is used twice`);
      ids.add(id as string);
    });
    return ids;
  }
}

function checkTarget(c: Checker, value: Json, path: string): void {
  if (value === null) return;
  const t = c.object(value, path);
  if (!t) return;
  c.year(t.year, `${path}.year`);
  c.number(t.value, `${path}.value`);
  c.oneOf(t.origin, `${path}.origin`, ORIGINS);
  if (t.source !== undefined) c.string(t.source, `${path}.source`);
}

function checkStatistic(c: Checker, o: Record<string, Json>, path: string): void {
  const binding = c.object(o.binding, `${path}.binding`);
  if (binding) {
    c.string(binding.dataset, `${path}.binding.dataset`);
    c.string(binding.geo, `${path}.binding.geo`);
    const filters = c.object(binding.filters, `${path}.binding.filters`);
    if (filters)
      for (const [dim, code] of Object.entries(filters))
        c.string(code, `${path}.binding.filters.${dim}`);
  }
  const baseline = c.object(o.baseline, `${path}.baseline`);
  if (baseline) {
    c.year(baseline.year, `${path}.baseline.year`);
    if (baseline.value !== 'from data') c.number(baseline.value, `${path}.baseline.value`);
    if (baseline.origin !== undefined) c.oneOf(baseline.origin, `${path}.baseline.origin`, ORIGINS);
  }
  const comparator = c.object(o.comparator, `${path}.comparator`);
  if (comparator) {
    if ('group' in comparator) c.string(comparator.group, `${path}.comparator.group`);
    else if ('geos' in comparator) {
      const geos = c.array(comparator.geos, `${path}.comparator.geos`);
      if (geos.length === 0) c.fail(`${path}.comparator.geos`, 'should name at least one country');
      geos.forEach((g, i) => c.string(g, `${path}.comparator.geos[${i}]`));
    } else c.fail(`${path}.comparator`, 'should have a “group” or a list of “geos”');
  }
}

function checkReported(
  c: Checker,
  o: Record<string, Json>,
  path: string,
  projects: Set<string>
): void {
  if (c.string(o.project, `${path}.project`) && !projects.has(o.project as string))
    c.fail(`${path}.project`, `there is no project “${o.project}”`);
  c.string(o.source, `${path}.source`);
  if (o.achieved === null) return;
  const a = c.object(o.achieved, `${path}.achieved`);
  if (!a) return;
  c.year(a.year, `${path}.achieved.year`);
  c.number(a.value, `${path}.achieved.value`);
  c.oneOf(a.origin, `${path}.achieved.origin`, ['published', 'evaluator']);
}

function checkIndicator(
  c: Checker,
  value: Json,
  path: string,
  objectives: Set<string>,
  projects: Set<string>
): void {
  const o = c.object(value, path);
  if (!o) return;
  if (c.string(o.objective, `${path}.objective`) && !objectives.has(o.objective as string))
    c.fail(`${path}.objective`, `there is no objective “${o.objective}”`);
  c.text(o.name, `${path}.name`);
  c.text(o.unit, `${path}.unit`);
  c.optionalText(o.unitOne, `${path}.unitOne`);
  c.optionalText(o.note, `${path}.note`);
  c.oneOf(o.direction, `${path}.direction`, ['up', 'down']);
  checkTarget(c, o.target, `${path}.target`);
  if (o.kind === 'statistic') checkStatistic(c, o, path);
  else if (o.kind === 'reported') checkReported(c, o, path, projects);
  else c.fail(`${path}.kind`, 'should be “statistic” or “reported”');
}

function checkCost(c: Checker, value: Json, path: string): void {
  if (value === null) return;
  const o = c.object(value, path);
  if (!o) return;
  c.number(o.value, `${path}.value`, { min: 0 });
  c.string(o.source, `${path}.source`);
}

function checkBreak(c: Checker, value: Json, path: string): void {
  const b = c.object(value, path);
  if (!b) return;
  c.string(b.geo, `${path}.geo`);
  const fromOk = c.year(b.from, `${path}.from`);
  if (
    b.date !== undefined &&
    c.string(b.date, `${path}.date`, DATE_OR_MONTH, 'a date (2014-02-01) or a month (2014-02)') &&
    fromOk &&
    Number((b.date as string).slice(0, 4)) > (b.from as number)
  )
    c.fail(`${path}.date`, `${b.date} is after ${b.from}, the first year it should mark`);
  c.oneOf(b.kind, `${path}.kind`, ['law', 'recording']);
  const affects = c.object(b.affects, `${path}.affects`);
  if (affects) {
    const datasets = c.array(affects.datasets, `${path}.affects.datasets`);
    if (datasets.length === 0)
      c.fail(`${path}.affects.datasets`, 'should name at least one dataset');
    datasets.forEach((d, i) => c.string(d, `${path}.affects.datasets[${i}]`));
    if (affects.codes !== undefined) {
      const codes = c.object(affects.codes, `${path}.affects.codes`);
      for (const [dim, list] of Object.entries(codes ?? {})) {
        const items = c.array(list, `${path}.affects.codes.${dim}`);
        if (items.length === 0)
          c.fail(`${path}.affects.codes.${dim}`, 'should list at least one code');
        items.forEach((code, i) => c.string(code, `${path}.affects.codes.${dim}[${i}]`));
      }
    }
  }
  c.text(b.label, `${path}.label`);
  c.text(b.description, `${path}.description`);
  // A break changes what the pages conclude, so one nobody can check is refused.
  if (b.sources === undefined || (Array.isArray(b.sources) && b.sources.length === 0)) {
    c.fail(
      `${path}.sources`,
      'should list at least one source { "url", "says" }: the page that documents the break and what it says'
    );
    return;
  }
  c.array(b.sources, `${path}.sources`).forEach((item, i) => {
    const s = c.object(item, `${path}.sources[${i}]`);
    if (!s) return;
    c.string(s.url, `${path}.sources[${i}].url`, WEB_ADDRESS, 'a web address (https://…)');
    c.string(s.says, `${path}.sources[${i}].says`);
  });
}

/**
 * Checks a parsed results-framework file. Returns it typed when every field is right, or
 * every problem found (not only the first), each saying where and what is expected.
 */
export function validateFramework(value: Json): FrameworkResult {
  const c = new Checker();
  const root = c.object(value, 'file');
  if (!root) return { ok: false, errors: c.errors };
  if (root.format !== 'cooperare-results-framework')
    c.fail('format', 'should be “cooperare-results-framework”: is this a results-framework file?');
  if (root.version !== 1) c.fail('version', 'should be 1');

  const programme = c.object(root.programme, 'programme');
  if (programme) {
    c.string(programme.code, 'programme.code');
    c.text(programme.title, 'programme.title');
    c.textOrString(programme.operator, 'programme.operator');
    c.textOrString(programme.donorPartner, 'programme.donorPartner');
    c.string(programme.approved, 'programme.approved', FULL_DATE, 'a date such as 2013-06-17');
    c.string(programme.eligibleUntil, 'programme.eligibleUntil', FULL_DATE, 'a date');
    c.array(programme.sources, 'programme.sources').forEach((s, i) =>
      c.string(s, `programme.sources[${i}]`)
    );
    if (programme.sourcesReadIn !== undefined)
      c.string(programme.sourcesReadIn, 'programme.sourcesReadIn', YEAR, 'a year such as 2026');
  }
  c.text(root.generalObjective, 'generalObjective');

  const financing = c.object(root.financing, 'financing');
  if (financing) {
    c.number(financing.total, 'financing.total', { min: 0 });
    c.string(financing.source, 'financing.source');
    const lines = c.array(financing.lines, 'financing.lines');
    c.uniqueIds(lines, 'financing.lines');
    let sum = 0;
    lines.forEach((line, i) => {
      const l = c.object(line, `financing.lines[${i}]`);
      if (!l) return;
      c.text(l.label, `financing.lines[${i}].label`);
      if (c.number(l.amount, `financing.lines[${i}].amount`, { min: 0 })) sum += l.amount as number;
      c.number(l.share, `financing.lines[${i}].share`, { min: 0 });
    });
    if (typeof financing.total === 'number' && lines.length > 0 && sum !== financing.total)
      c.fail('financing.lines', `add up to ${sum}, not to the total ${financing.total}`);
  }

  const evaluation = c.object(root.evaluation, 'evaluation');
  if (evaluation)
    for (const key of ['beforeYears', 'afterYears']) {
      const years = c.array(evaluation[key], `evaluation.${key}`);
      if (years.length === 0) c.fail(`evaluation.${key}`, 'should list at least one year');
      years.forEach((y, i) => c.year(y, `evaluation.${key}[${i}]`));
    }

  const objectives = c.array(root.objectives, 'objectives');
  const objectiveIds = c.uniqueIds(objectives, 'objectives');
  objectives.forEach((item, i) => {
    const o = c.object(item, `objectives[${i}]`);
    if (!o) return;
    c.number(o.number, `objectives[${i}].number`, { min: 1, integer: true });
    c.text(o.title, `objectives[${i}].title`);
    if (typeof o.noStatistic !== 'boolean')
      c.fail(`objectives[${i}].noStatistic`, 'should be true or false');
  });

  const projects = c.array(root.projects, 'projects');
  const projectIds = c.uniqueIds(projects, 'projects');
  projects.forEach((item, i) => {
    const p = c.object(item, `projects[${i}]`);
    if (!p) return;
    const path = `projects[${i}]`;
    if (p.number !== null) c.string(p.number, `${path}.number`);
    c.string(p.title, `${path}.title`);
    const promoter = c.object(p.promoter, `${path}.promoter`);
    if (promoter) {
      c.string(promoter.code, `${path}.promoter.code`);
      c.string(promoter.name, `${path}.promoter.name`);
    }
    c.number(p.budget, `${path}.budget`, { min: 0 });
    checkCost(c, p.initialCost, `${path}.initialCost`);
    checkCost(c, p.finalCost, `${path}.finalCost`);
    c.array(p.outcomes, `${path}.outcomes`).forEach((t, k) => c.text(t, `${path}.outcomes[${k}]`));
    c.string(p.source, `${path}.source`);
  });

  c.array(root.events, 'events').forEach((item, i) => {
    const e = c.object(item, `events[${i}]`);
    if (!e) return;
    c.string(
      e.date,
      `events[${i}].date`,
      DATE_OR_MONTH,
      'a date (2015-10-27) or a month (2017-05)'
    );
    c.text(e.label, `events[${i}].label`);
    c.string(e.source, `events[${i}].source`);
    if (e.project !== undefined && !projectIds.has(e.project as string))
      c.fail(`events[${i}].project`, `there is no project “${e.project}”`);
  });

  const indicators = c.array(root.indicators, 'indicators');
  c.uniqueIds(indicators, 'indicators');
  indicators.forEach((item, i) =>
    checkIndicator(c, item, `indicators[${i}]`, objectiveIds, projectIds)
  );

  if (root.breaks !== undefined) {
    const breaks = c.array(root.breaks, 'breaks');
    c.uniqueIds(breaks, 'breaks');
    breaks.forEach((item, i) => checkBreak(c, item, `breaks[${i}]`));
  }

  return c.errors.length > 0
    ? { ok: false, errors: c.errors }
    : { ok: true, framework: value as Framework };
}

/** Reads the text of a results-framework file: JSON first, then the checks above. */
export function parseFramework(text: string): FrameworkResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`The file is not valid JSON (${detail}).`] };
  }
  return validateFramework(value);
}
