/** Vietnamese texts of the waitlist and the investment (assessments, proposals) screens. */
export const planningVi = {
  title: 'Kế hoạch',
};
