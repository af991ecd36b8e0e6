/** The kinds of rural establishment (cơ sở công nghiệp nông thôn) as people name them. */
export const ESTABLISHMENT_KIND_LABELS: Record<string, string> = {
  enterprise: 'Doanh nghiệp nhỏ và vừa',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household_business: 'Hộ kinh doanh',
};
