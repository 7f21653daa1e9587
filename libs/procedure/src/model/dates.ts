/** A calendar date in Asia/Ho_Chi_Minh, written `YYYY-MM-DD`. Business dates are never instants. */
export type BusinessDate = string;

export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';
