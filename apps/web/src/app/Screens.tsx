import type { Me } from '../api/client';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { AdminPage } from '../features/admin/AdminPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CasePage } from '../features/case/CasePage';
import { InboxPage } from '../features/inbox/InboxPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { businessToday } from '../lib/dates';
import { useRoute } from './router';

export function Screens({ me }: { me: Me }) {
  const route = useRoute();
  switch (route.name) {
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} me={me} />;
    case 'inbox':
      return <InboxPage me={me} />;
    case 'accounts':
      return me.roles.includes('admin') ? <AccountsPage /> : <WorklistPage />;
    case 'admin':
      return me.roles.includes('admin') ? <AdminPage tab={route.tab} importId={route.importId} me={me} /> : <WorklistPage />;
    case 'audit':
      return <AuditPage today={businessToday()} />;
    case 'statistics':
      return <StatisticsPage today={businessToday()} />;
    case 'worklist':
    case 'notFound':
      return <WorklistPage />;
  }
}
