/** Where a fund's money comes from, as people name it: the pages, the reports and their forms alike. */
export const FUND_SOURCE_LABELS: Record<string, string> = {
  central: 'Ngân sách trung ương',
  local: 'Ngân sách địa phương',
  sponsor: 'Tài trợ',
};
