import { expect } from '@open-wc/testing';
import { OcdsError } from '../src/index.js';

describe('OcdsError', () => {
  it('has a name and a code', () => {
    const error = new OcdsError('not-json', 'Not JSON');
    expect(error.name).to.equal('OcdsError');
    expect(error.code).to.equal('not-json');
    expect(error).to.be.instanceOf(Error);
  });
});
