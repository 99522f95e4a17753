import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { capacityRouter } from './routers/capacity.ts';
import { entitlementsRouter } from './routers/entitlements.ts';
import { equipmentRouter } from './routers/equipment.ts';
import { facilitiesRouter } from './routers/facilities.ts';
import { investmentRouter } from './routers/investment.ts';
import { policiesRouter } from './routers/policies.ts';
import { adminUnitsRouter, metaRouter } from './routers/reference.ts';
import { residentImportRouter, residentsRouter } from './routers/residents.ts';
import { standardsRouter } from './routers/standards.ts';
import { usersRouter } from './routers/users.ts';
import { waitlistRouter } from './routers/waitlist.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  meta: metaRouter,
  adminUnits: adminUnitsRouter,
  facilities: facilitiesRouter,
  users: usersRouter,
  audit: auditRouter,
  residents: residentsRouter,
  residentImport: residentImportRouter,
  entitlements: entitlementsRouter,
  policies: policiesRouter,
  equipment: equipmentRouter,
  capacity: capacityRouter,
  waitlist: waitlistRouter,
  investment: investmentRouter,
  standards: standardsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
