import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { makeQueryClient, makeTrpcClient, TRPCProvider } from './api/trpc.ts';
import { RequireAuth, RequirePermission } from './auth/session.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { StatusPage } from './components/StatusPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { BedsPage } from './features/capacity/BedsPage.tsx';
import { CapacityDashboardPage } from './features/capacity/dashboard/CapacityDashboardPage.tsx';
import { OccupancyPage } from './features/capacity/OccupancyPage.tsx';
import { StandardsPage } from './features/capacity/StandardsPage.tsx';
import { SettingsPage as CapacitySettingsPage } from './features/capacity/settings/SettingsPage.tsx';
import { RollPage } from './features/entitlements/RollPage.tsx';
import { CatalogueAdminPage } from './features/equipment/CatalogueAdminPage.tsx';
import { DashboardPage as EquipmentDashboardPage } from './features/equipment/DashboardPage.tsx';
import { EquipmentListPage } from './features/equipment/EquipmentListPage.tsx';
import { ItemCreatePage } from './features/equipment/ItemCreatePage.tsx';
import { ItemDetailPage } from './features/equipment/ItemDetailPage.tsx';
import { ItemEditPage } from './features/equipment/ItemEditPage.tsx';
import { EquipmentImportPage } from './features/equipment/import/EquipmentImportPage.tsx';
import { LabelSheetPage } from './features/equipment/labels/LabelSheetPage.tsx';
import { MaintenanceDuePage } from './features/equipment/MaintenanceDuePage.tsx';
import { RequestsPage } from './features/equipment/RequestsPage.tsx';
import { StocktakePage } from './features/equipment/stocktake/StocktakePage.tsx';
import { StocktakeReportPage } from './features/equipment/stocktake/StocktakeReportPage.tsx';
import { FacilityCreatePage } from './features/facilities/FacilityCreatePage.tsx';
import { FacilityDetailPage } from './features/facilities/FacilityDetailPage.tsx';
import { FacilityEditPage } from './features/facilities/FacilityEditPage.tsx';
import { FacilityListPage } from './features/facilities/FacilityListPage.tsx';
import { PolicyWorkspacePage } from './features/policies/PolicyWorkspacePage.tsx';
import { ResidentImportPage } from './features/residents/import/ResidentImportPage.tsx';
import { ResidentCreatePage } from './features/residents/ResidentCreatePage.tsx';
import { ResidentEditPage } from './features/residents/ResidentEditPage.tsx';
import { ResidentListPage } from './features/residents/ResidentListPage.tsx';
import { ResidentProfilePage } from './features/residents/ResidentProfilePage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';
import { planningRoutes } from './features/waitlist/routes.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    // Vietnamese in capitals loses legibility, and a cut-off status ("ĐANG HO…") says nothing.
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content' } } }),
  },
});

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(makeTrpcClient);
  const { i18n } = useTranslation();

  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </TRPCProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/facilities" replace />} />
        <Route path="facilities" element={<FacilityListPage />} />
        <Route
          path="facilities/new"
          element={
            <RequirePermission action="facility.create">
              <FacilityCreatePage />
            </RequirePermission>
          }
        />
        <Route path="facilities/:id" element={<FacilityDetailPage />} />
        <Route path="facilities/:id/edit" element={<FacilityEditPage />} />
        <Route path="residents" element={<ResidentListPage />} />
        <Route
          path="residents/new"
          element={
            <RequirePermission action="resident.write">
              <ResidentCreatePage />
            </RequirePermission>
          }
        />
        <Route
          path="residents/import"
          element={
            <RequirePermission action="resident.write">
              <ResidentImportPage />
            </RequirePermission>
          }
        />
        <Route path="residents/:id" element={<ResidentProfilePage />} />
        <Route
          path="residents/:id/edit"
          element={
            <RequirePermission action="resident.write">
              <ResidentEditPage />
            </RequirePermission>
          }
        />
        <Route
          path="entitlements/roll"
          element={
            <RequirePermission action="entitlement.read">
              <RollPage />
            </RequirePermission>
          }
        />
        <Route
          path="policies"
          element={
            <RequirePermission action="policy.read">
              <PolicyWorkspacePage />
            </RequirePermission>
          }
        />
        <Route
          path="users"
          element={
            <RequirePermission action="user.manage">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission action="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment"
          element={
            <RequirePermission action="equipment.read">
              <EquipmentListPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/new"
          element={
            <RequirePermission action="equipment.write">
              <ItemCreatePage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/import"
          element={
            <RequirePermission action="equipment.write">
              <EquipmentImportPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/labels"
          element={
            <RequirePermission action="equipment.read">
              <LabelSheetPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/maintenance"
          element={
            <RequirePermission action="equipment.read">
              <MaintenanceDuePage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/requests"
          element={
            <RequirePermission action="equipment.read">
              <RequestsPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/stocktake"
          element={
            // Planners read past stock-takes; only the centre starts and counts one (the page hides it).
            <RequirePermission action="equipment.read">
              <StocktakePage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/stocktake/:id"
          element={
            <RequirePermission action="equipment.read">
              <StocktakeReportPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/dashboard"
          element={
            <RequirePermission action="equipment.read">
              <EquipmentDashboardPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/catalogue"
          element={
            <RequirePermission action="equipment.catalogue">
              <CatalogueAdminPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/:id"
          element={
            <RequirePermission action="equipment.read">
              <ItemDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="equipment/:id/edit"
          element={
            <RequirePermission action="equipment.write">
              <ItemEditPage />
            </RequirePermission>
          }
        />
        <Route
          path="capacity/beds"
          element={
            <RequirePermission action="capacity.read">
              <BedsPage />
            </RequirePermission>
          }
        />
        <Route
          path="capacity/standards"
          element={
            <RequirePermission action="capacity.read">
              <StandardsPage />
            </RequirePermission>
          }
        />
        <Route
          path="capacity/settings"
          element={
            <RequirePermission action="capacity.read">
              <CapacitySettingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="capacity/occupancy"
          element={
            <RequirePermission action="capacity.read">
              <OccupancyPage />
            </RequirePermission>
          }
        />
        <Route
          path="capacity/dashboard"
          element={
            <RequirePermission action="capacity.read">
              <CapacityDashboardPage />
            </RequirePermission>
          }
        />
        {planningRoutes()}
        <Route path="*" element={<StatusPage kind="notFound" />} />
      </Route>
    </Routes>
  );
}
