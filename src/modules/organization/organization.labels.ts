/** The kinds of unit as people name them. */
export const UNIT_KIND_LABELS: Record<string, string> = {
  department: 'Sở',
  division: 'Phòng',
  centre: 'Trung tâm',
  commune: 'Xã / phường',
  office: 'Văn phòng',
};
