// CSV rendering of the monthly report: one "section,measure,value" row per figure, so it opens
// cleanly in a spreadsheet and can be appended month after month.
import type { MonthlyReport, TimelinessFigure } from './monthlyReport';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote anything with separators, quotes or a leading formula character (CSV injection).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function monthlyReportCsv(r: MonthlyReport): string {
  const rows: (string | number | null)[][] = [['section', 'measure', 'value']];
  const add = (section: string, measure: string, value: string | number | null) => rows.push([section, measure, value]);
  const addMap = (section: string, map: Record<string, number>) =>
    Object.keys(map)
      .sort()
      .forEach((k) => add(section, k, map[k]));
  const addTimeliness = (label: string, f: TimelinessFigure) => {
    add('timeliness', `${label} responses`, f.responses);
    add('timeliness', `${label} within timescale`, f.withinTimescale);
    add('timeliness', `${label} % within timescale`, f.percent);
  };

  add('report', 'month', r.month);
  add('received', 'total', r.received.total);
  addMap('received by stage', r.received.byStage);
  addMap('received by category', r.received.byCategory);
  addMap('received by channel', r.received.byChannel);
  add('escalation', 'stage 2 requests', r.escalatedToStage2);
  add('responses', 'total', r.responses.total);
  addMap('responses by stage', r.responses.byStage);
  addMap('outcomes', r.responses.byDecision);
  addMap('root causes', r.responses.byRootCause);
  addTimeliness('all', r.timeliness.all);
  Object.keys(r.timeliness.byStage)
    .sort()
    .forEach((s) => addTimeliness(s, r.timeliness.byStage[s]));
  add('compensation', 'total pence', r.compensation.totalPence);
  add('compensation', 'cases', r.compensation.cases);
  addMap('compensation pence by stage', r.compensation.byStage);
  add('outcome', 'closed', r.closed);
  add('outcome', 'not accepted', r.notAccepted);
  add('tsm', 'homes', r.tsm.homesCount);
  add('tsm', 'CH01 stage 1 per 1000 homes', r.tsm.ch01.stage1);
  add('tsm', 'CH01 stage 2 per 1000 homes', r.tsm.ch01.stage2);
  add('tsm', 'CH02 stage 1 % within Code timescales', r.tsm.ch02.stage1);
  add('tsm', 'CH02 stage 2 % within Code timescales', r.tsm.ch02.stage2);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
