import { describe, expect, it } from 'vitest';
import { slugCode } from '../../../src/lib/ingest/slug';

describe('slugCode', () => {
  it.each([
    ['Between border crossing points - at land', 'between_border_crossing_points_at_land'],
    // migrants_illegally_present.csv writes this one with an en dash.
    [
      'At the border crossing point – at sea, land, air',
      'at_the_border_crossing_point_at_sea_land_air'
    ],
    ['Total', 'total'],
    ['Per hundred thousand inhabitants', 'per_hundred_thousand_inhabitants'],
    ['Population on 1 January - total', 'population_on_1_january_total'],
    ["Côte d'Ivoire", 'cote_d_ivoire'],
    ['São Tomé and Príncipe', 'sao_tome_and_principe'],
    ['  (Other) ', 'other'],
    ['Straße Øresund', 'strasse_oresund']
  ])('%s → %s', (label, code) => {
    expect(slugCode(label)).toBe(code);
  });

  it('is the same for the same text however its accents are encoded', () => {
    const composed = 'Côte d’Ivoire'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(slugCode(decomposed)).toBe(slugCode(composed));
    expect(slugCode('Ελλάδα')).toBe(slugCode('Ελλάδα'.normalize('NFD')));
  });

  it('spells a label without Latin letters or digits as code points, keeping it distinct', () => {
    expect(slugCode('Ελλάδα')).toBe('u0395_u03bb_u03bb_u03ac_u03b4_u03b1');
    expect(slugCode('Ελλάδα')).not.toBe(slugCode('България'));
  });
});
