export { registerPersonalDataCollection, personalDataCollections, anonymiseCase, BUILT_IN_COLLECTIONS } from './registry';
export type { PersonalDataCollection, SubjectKeyKind, EraseRule } from './registry';
export { exportTenantData, eraseTenantData, resolveSubject, normalisePhone, openCaseReferences, PrivacyInputError } from './tenantData';
export type { TenantDataExport, EraseReport, SubjectKeys } from './tenantData';
export { purgeExpiredTranscripts, scheduleTranscriptRetention, RETENTION_JOB } from './retention';
export type { PurgeReport } from './retention';
