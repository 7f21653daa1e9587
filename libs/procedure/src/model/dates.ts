// Business dates are the kernel's (they are what the clock answers): the type and the time zone, re-exported here
// for the procedure's readers.
export { type BusinessDate, BUSINESS_TIME_ZONE } from '@charterflow/kernel';
