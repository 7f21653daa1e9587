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

describe('the address of an import', () => {
  it('opens the imports tab on that import and writes the same address back; the tab alone has none', () => {
    const id = '3f0c2a4e-9a51-4c8e-8f0e-2d1f5c6a7b8c';
    expect(routeOf(`/admin/imports/${id}`)).toEqual({ name: 'admin', tab: 'imports', importId: id });
    expect(pathOf({ name: 'admin', tab: 'imports', importId: id })).toBe(`/admin/imports/${id}`);
    expect(pathOf(routeOf(`/admin/imports/${id}`))).toBe(`/admin/imports/${id}`);
    expect(routeOf('/admin/imports')).not.toHaveProperty('importId');
    expect(pathOf({ name: 'admin', tab: 'imports' })).toBe('/admin/imports');
  });

  it('an address that is not an import is not one', () => {
    expect(routeOf('/admin/imports/123')).toEqual({ name: 'notFound' });
    expect(routeOf('/admin/calendar/3f0c2a4e-9a51-4c8e-8f0e-2d1f5c6a7b8c')).toEqual({ name: 'notFound' });
  });
});

describe('the address of the statistics screen', () => {
  it('opens at /statistics and writes the same address back; a longer address is not it', () => {
    expect(routeOf('/statistics')).toEqual({ name: 'statistics' });
    expect(pathOf({ name: 'statistics' })).toBe('/statistics');
    expect(routeOf('/statistics/2026')).toEqual({ name: 'notFound' });
  });
});
