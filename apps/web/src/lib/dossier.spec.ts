import { dossierChecklist } from './dossier';

describe('the dossier checklist from the case facts', () => {
  it('an empty dossier lists every part as missing, a sponsor included', () => {
    const items = dossierChecklist({ verifications: {}, sponsors: [], introducingResolution: null, opinions: null });
    expect(items.map((i) => [i.step, i.done])).toEqual([
      ['AWARENESS_CERTIFICATE_RECORDED', false],
      ['DOSSIER_OPENED', false],
      ['APPLICATION_FILED', false],
      ['BIOGRAPHY_FILED', false],
      ['BIOGRAPHY_CERTIFIED', false],
      ['SPONSOR_ADDED', false],
      ['OPINIONS_RECORDED', false],
    ]);
  });

  it('a verification is done once replied; each sponsor and the introducing resolution are listed by name and number', () => {
    const items = dossierChecklist({
      applicationFiledOn: '2026-01-08',
      verifications: {
        'TT-1': { requestId: 'TT-1', scope: 'domestic', subject: 'Cha', requestedOn: '2026-01-09', repliedOn: '2026-01-20' },
        'TT-2': { requestId: 'TT-2', scope: 'abroad', subject: 'Anh trai', requestedOn: '2026-01-09', repliedOn: null },
      },
      sponsors: [{ name: 'Trần Văn Bình', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01', addedOn: '2026-01-10' }],
      introducingResolution: { body: 'youth_union', resolutionNo: 'NQ-5', recordedOn: '2026-01-11' },
      opinions: { organisations: ['Công đoàn'], residenceCell: true, recordedOn: '2026-01-12' },
    });
    expect(items.find((i) => i.step === 'APPLICATION_FILED')).toMatchObject({ done: true, on: '2026-01-08' });
    expect(items.filter((i) => i.step === 'VERIFICATION_REQUESTED').map((i) => [i.about, i.done, i.repliedOn])).toEqual([
      ['Cha', true, '2026-01-20'],
      ['Anh trai', false, null],
    ]);
    expect(items.find((i) => i.step === 'SPONSOR_ADDED')).toMatchObject({ about: 'Trần Văn Bình', done: true, on: '2026-01-10' });
    expect(items.find((i) => i.step === 'INTRODUCING_RESOLUTION_RECORDED')).toMatchObject({ about: 'NQ-5', done: true });
    expect(items.filter((i) => i.step === 'SPONSOR_ADDED' && !i.done)).toEqual([]);
  });
});
