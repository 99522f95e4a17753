import { auditListInput, auditPage } from '@ansinh/schemas/audit';
import { listAudit } from '../services/audit-log.ts';
import { procedureFor, router } from '../trpc.ts';

export const auditRouter = router({
  list: procedureFor('audit.read')
    .input(auditListInput)
    .output(auditPage)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
