import { negotiate } from './content-negotiation.js';

describe('negotiate', () => {
  const offers = ['application/json', 'text/html'] as const;

  it('gives programs JSON and browsers HTML', () => {
    expect(negotiate(undefined, offers)).toBe('application/json');
    expect(negotiate('*/*', offers)).toBe('application/json');
    expect(negotiate('application/json', offers)).toBe('application/json');
    expect(negotiate('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', offers)).toBe('text/html');
  });

  it('lets the more specific range decide and honours q=0', () => {
    expect(negotiate('text/*;q=0.5, application/json;q=0.4', offers)).toBe('text/html');
    expect(negotiate('*/*, application/json;q=0', offers)).toBe('text/html');
    expect(negotiate('image/png', offers)).toBe('application/json');
  });
});
