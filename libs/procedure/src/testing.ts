/** What other libraries' tests may borrow from the procedure's own (not part of the barrel: never product code). */
export { weekdayCalendar } from './__fixtures__/weekday-calendar';
export { CANDIDATE } from './__fixtures__/scenario';
