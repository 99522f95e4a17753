/** Vietnamese texts of the capacity screens (beds, standards, waitlist, investment, planner dashboard). */
export const capacityVi = {
  title: 'Sức chứa',
};
