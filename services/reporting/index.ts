// Public surface of reporting (see README "Staff in Teams").
import type { CaseService } from '../cases/types';
import { buildMonthlyReport, monthRange, MonthlyReport } from './monthlyReport';

export { buildMonthlyReport, monthRange, ReportInputError } from './monthlyReport';
export type { MonthlyReport, MonthlyReportOptions, TimelinessFigure } from './monthlyReport';
export { monthlyReportCsv } from './reportCsv';

/** Upper bound of cases read for one report; a landlord with more per report window needs a query by date. */
export const REPORT_CASE_LIMIT = 50000;

/** Loads the cases through the CaseService and builds the report for `month`. */
export async function loadMonthlyReport(
  cases: Pick<CaseService, 'list'>,
  month: string,
  homesCount?: number,
): Promise<MonthlyReport> {
  monthRange(month); // validates before touching the database
  const all = await cases.list({ limit: REPORT_CASE_LIMIT });
  return buildMonthlyReport(all, { month, homesCount });
}
