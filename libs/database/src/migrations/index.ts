import { CreateOrganisations1767225600000 } from './1767225600000-CreateOrganisations';
import { CreateCases1767225600100 } from './1767225600100-CreateCases';
import { CreateIdempotencyKeys1767225600200 } from './1767225600200-CreateIdempotencyKeys';
import { CreateCalendarOverrides1767225600300 } from './1767225600300-CreateCalendarOverrides';
import { CreateDelivery1767225600400 } from './1767225600400-CreateDelivery';
import { CreateWebhooks1767225600500 } from './1767225600500-CreateWebhooks';
import { CreateAccounts1767225600600 } from './1767225600600-CreateAccounts';
import { CreateComplianceFindings1767225600900 } from './1767225600900-CreateComplianceFindings';
import { CreateIntake1767225601000 } from './1767225601000-CreateIntake';
import { CreateAdmissionTargets1767225601100 } from './1767225601100-CreateAdmissionTargets';
import { ScopeCalendarOverrides1767225601200 } from './1767225601200-ScopeCalendarOverrides';
import { ExternalIdPerProvince1767225601300 } from './1767225601300-ExternalIdPerProvince';
import { CreateWorkerHeartbeats1767225601400 } from './1767225601400-CreateWorkerHeartbeats';
import { DropWebhookFanOutTrigger1767225601500 } from './1767225601500-DropWebhookFanOutTrigger';
import { OrganisationMassOrganisations1767225601600 } from './1767225601600-OrganisationMassOrganisations';
import { OrganisationBacklogGrace1767225601700 } from './1767225601700-OrganisationBacklogGrace';
import { AccountNames1767225601900 } from './1767225601900-AccountNames';
import { CreateDocuments1767225602000 } from './1767225602000-CreateDocuments';
import { OrganisationRuleProfile1767225602200 } from './1767225602200-OrganisationRuleProfile';
import { TransferNotifications1767225602300 } from './1767225602300-TransferNotifications';
import { ImportJobs1767225603200 } from './1767225603200-ImportJobs';
import { NationalScaleReads1767225603300 } from './1767225603300-NationalScaleReads';
import { OneUnfinishedImportPerFile1767225603400 } from './1767225603400-OneUnfinishedImportPerFile';
import { CaseOutcomes1767225603500 } from './1767225603500-CaseOutcomes';
import { FindingsTotalsIndex1767225603600 } from './1767225603600-FindingsTotalsIndex';
import { StatisticsVersionsInTurn1767225603700 } from './1767225603700-StatisticsVersionsInTurn';
import { CaseStateValue1767225603800 } from './1767225603800-CaseStateValue';
import { StatementLevelTriggers1767225603900 } from './1767225603900-StatementLevelTriggers';
import { OutboxForOpenDeadlines1767225604000 } from './1767225604000-OutboxForOpenDeadlines';
import { NoOutboxAfterEscalation1767225604100 } from './1767225604100-NoOutboxAfterEscalation';

/** Every migration, oldest first. Listed explicitly (no glob) so bundlers and the compiled CLI see the same set. */
export const MIGRATIONS = [
  CreateOrganisations1767225600000,
  CreateCases1767225600100,
  CreateIdempotencyKeys1767225600200,
  CreateCalendarOverrides1767225600300,
  CreateDelivery1767225600400,
  CreateWebhooks1767225600500,
  CreateAccounts1767225600600,
  CreateComplianceFindings1767225600900,
  CreateIntake1767225601000,
  CreateAdmissionTargets1767225601100,
  ScopeCalendarOverrides1767225601200,
  ExternalIdPerProvince1767225601300,
  CreateWorkerHeartbeats1767225601400,
  DropWebhookFanOutTrigger1767225601500,
  OrganisationMassOrganisations1767225601600,
  OrganisationBacklogGrace1767225601700,
  AccountNames1767225601900,
  CreateDocuments1767225602000,
  OrganisationRuleProfile1767225602200,
  TransferNotifications1767225602300,
  ImportJobs1767225603200,
  NationalScaleReads1767225603300,
  OneUnfinishedImportPerFile1767225603400,
  CaseOutcomes1767225603500,
  FindingsTotalsIndex1767225603600,
  StatisticsVersionsInTurn1767225603700,
  CaseStateValue1767225603800,
  StatementLevelTriggers1767225603900,
  OutboxForOpenDeadlines1767225604000,
  NoOutboxAfterEscalation1767225604100,
];
