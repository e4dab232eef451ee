import { expect } from '@open-wc/testing';
import { parseEmbedParams } from '../../schemas/embed-params.js';

const paramsOf = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('parseEmbedParams', () => {
  it('takes a bare boolean parameter (`&drill`) as true, like the attribute', () => {
    const parsed = parseEmbedParams(paramsOf('widget=contract-timeline&src=/data.json&drill'));
    expect(parsed).to.deep.equal({ ok: true, widget: 'contract-timeline', options: { src: '/data.json', drill: 'true' } });
  });

  it('still reads drill=false, and still refuses other drill values and bare non-boolean options', () => {
    expect(parseEmbedParams(paramsOf('widget=contract-timeline&src=/d.json&drill=false'))).to.deep.include({ ok: true });
    const wrong = parseEmbedParams(paramsOf('widget=contract-timeline&src=/d.json&drill=yes'));
    expect(wrong.ok).to.equal(false);
    expect(wrong.ok ? [] : wrong.errors).to.deep.equal(['drill: must be one of true, false']);
    const bareLimit = parseEmbedParams(paramsOf('widget=contract-timeline&src=/d.json&limit'));
    expect(bareLimit.ok).to.equal(false);
  });

  it('widget=breakdown takes by=time with interval=year|quarter|month, and says what is wrong with another interval (en, es)', () => {
    for (const interval of ['year', 'quarter', 'month']) {
      expect(parseEmbedParams(paramsOf(`widget=breakdown&src=/d.json&by=time&interval=${interval}`))).to.deep.equal({ ok: true, widget: 'breakdown', options: { src: '/d.json', by: 'time', interval } });
    }
    const weekly = parseEmbedParams(paramsOf('widget=breakdown&src=/d.json&by=time&interval=week'));
    expect(weekly.ok ? [] : weekly.errors).to.deep.equal(['interval: must be one of year, quarter, month']);
    const spanish = parseEmbedParams(paramsOf('widget=breakdown&src=/d.json&by=time&interval=semana'), 'es');
    expect(spanish.ok ? [] : spanish.errors).to.deep.equal(['interval: debe ser uno de year, quarter, month']);
  });
});
