import type { Action } from '@ansinh/domain/roles';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import { RequirePermission } from '../../auth/session.tsx';
import { AssessmentsPage } from '../investment/AssessmentsPage.tsx';
import { NeedsPage } from '../investment/NeedsPage.tsx';
import { ProposalCreatePage } from '../investment/ProposalCreatePage.tsx';
import { ProposalDetailPage } from '../investment/ProposalDetailPage.tsx';
import { ProposalEditPage } from '../investment/ProposalEditPage.tsx';
import { ProposalListPage } from '../investment/ProposalListPage.tsx';
import { ApplicationCreatePage } from './ApplicationCreatePage.tsx';
import { ApplicationDetailPage } from './ApplicationDetailPage.tsx';
import { ApplicationEditPage } from './ApplicationEditPage.tsx';
import { WaitlistPage } from './WaitlistPage.tsx';

/** The shape of AppLayout's navigation entries. */
export interface PlanningNavEntry {
  to: string;
  label: ParseKeys;
  action: Action;
  children?: readonly PlanningNavEntry[];
}

/** The waitlist and the investment screens in the main navigation. */
export const planningNav: readonly PlanningNavEntry[] = [
  { to: '/waitlist', label: 'planning.nav.waitlist', action: 'waitlist.read' },
  {
    to: '/investment',
    label: 'planning.nav.investment',
    action: 'proposal.read',
    children: [
      { to: '/investment/proposals', label: 'planning.nav.proposals', action: 'proposal.read' },
      { to: '/investment/needs', label: 'planning.nav.needs', action: 'proposal.read' },
      { to: '/investment/assessments', label: 'planning.nav.assessments', action: 'proposal.read' },
    ],
  },
];

const guarded = (path: string, action: Action, page: ReactNode) => (
  <Route key={path} path={path} element={<RequirePermission action={action}>{page}</RequirePermission>} />
);

/**
 * The pages of the waitlist and of investment planning, as routes relative to the signed-in layout:
 * App.tsx places `{planningRoutes()}` among the layout route's children.
 */
export function planningRoutes() {
  return (
    <>
      {guarded('waitlist', 'waitlist.read', <WaitlistPage />)}
      {guarded('waitlist/new', 'waitlist.write', <ApplicationCreatePage />)}
      {guarded('waitlist/:id', 'waitlist.read', <ApplicationDetailPage />)}
      {guarded('waitlist/:id/edit', 'waitlist.write', <ApplicationEditPage />)}
      <Route path="investment" element={<Navigate to="/investment/proposals" replace />} />
      {guarded('investment/proposals', 'proposal.read', <ProposalListPage />)}
      {guarded('investment/proposals/new', 'proposal.draft', <ProposalCreatePage />)}
      {guarded('investment/proposals/:id', 'proposal.read', <ProposalDetailPage />)}
      {guarded('investment/proposals/:id/edit', 'proposal.draft', <ProposalEditPage />)}
      {guarded('investment/needs', 'proposal.read', <NeedsPage />)}
      {guarded('investment/assessments', 'proposal.read', <AssessmentsPage />)}
    </>
  );
}
