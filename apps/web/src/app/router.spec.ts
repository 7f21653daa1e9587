import { pathOf, routeOf } from './router';

describe('the addresses of the administration screens', () => {
  it('opens each tab at its own address and writes the same address back', () => {
    expect(routeOf('/admin/organisations')).toEqual({ name: 'admin', tab: 'organisations' });
    expect(routeOf('/admin/calendar')).toEqual({ name: 'admin', tab: 'calendar' });
    expect(routeOf('/admin/imports')).toEqual({ name: 'admin', tab: 'imports' });
    expect(routeOf('/admin/templates')).toEqual({ name: 'admin', tab: 'templates' });
    expect(pathOf({ name: 'admin', tab: 'calendar' })).toBe('/admin/calendar');
    expect(pathOf(routeOf('/admin/organisations'))).toBe('/admin/organisations');
  });

  it('sends an unknown administration address to the home screen', () => {
    expect(routeOf('/admin')).toEqual({ name: 'notFound' });
    expect(routeOf('/admin/imports-x')).toEqual({ name: 'notFound' });
  });
});

describe('the address of the statistics screen', () => {
  it('opens at /statistics and writes the same address back; a longer address is not it', () => {
    expect(routeOf('/statistics')).toEqual({ name: 'statistics' });
    expect(pathOf({ name: 'statistics' })).toBe('/statistics');
    expect(routeOf('/statistics/2026')).toEqual({ name: 'notFound' });
  });
});
