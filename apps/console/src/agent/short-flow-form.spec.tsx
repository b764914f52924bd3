/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { initI18n } from '../i18n/i18n';
import type { SiteTouchpointInput } from './site-api';
import { ShortFlowForm, type SubmitOutcome } from './short-flow-form';

beforeAll(() => {
  initI18n('en');
});

function setup(outcome: SubmitOutcome = { ok: true, id: '6f1c2a9e-0000-4000-8000-000000000001' }) {
  const sent: SiteTouchpointInput[] = [];
  const onSubmit = jest.fn(async (input: SiteTouchpointInput) => {
    sent.push(input);
    return outcome;
  });
  const view = render(<ShortFlowForm unitId="prj-grid-uhv01" onSubmit={onSubmit} />);
  const field = (id: string): HTMLInputElement => view.container.querySelector(`#f-${id}`) as HTMLInputElement;
  const type = (id: string, value: string): void => {
    fireEvent.change(field(id), { target: { value } });
  };
  const submit = async (): Promise<void> => {
    await act(async () => {
      fireEvent.click(screen.getByTestId('short-flow-submit'));
    });
  };
  return { onSubmit, sent, field, type, submit };
}

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ShortFlowForm ids', () => {
  it('sends a new time-ordered id with each flow, and the same id again when a send is retried', async () => {
    let answer: SubmitOutcome = { ok: false, problem: { code: 'NETWORK', message: 'the site did not answer' } };
    const sent: SiteTouchpointInput[] = [];
    render(<ShortFlowForm onSubmit={async (input) => (sent.push(input), answer)} />);
    const type = (id: string, value: string): void => void fireEvent.change(document.querySelector(`#f-${id}`) as HTMLInputElement, { target: { value } });
    const submit = (): Promise<void> => act(async () => void fireEvent.click(screen.getByTestId('short-flow-submit')));
    type('customerId', 'C-1');
    type('action', 'done');
    await submit();
    answer = { ok: true, id: 'ignored' };
    await submit(); // the retry after a lost answer
    type('customerId', 'C-2');
    type('action', 'done again');
    await submit(); // the next call
    const ids = sent.map((input) => input.id ?? '');
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(V7);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2] > ids[1]).toBe(true);
  });
});

describe('ShortFlowForm validation', () => {
  it('names each field whose rule is broken and sends nothing', async () => {
    const f = setup();
    f.type('description', 'x'.repeat(2001));
    f.type('score', '7');
    await f.submit();

    expect(f.onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('error-customerId').textContent).toBe('Customer is required');
    expect(screen.getByTestId('error-description').textContent).toBe('Description: at most 2000 characters (now 2001)');
    expect(screen.getByTestId('error-action').textContent).toBe('Service action is required');
    expect(screen.getByTestId('error-score').textContent).toBe('Satisfaction score must be a whole number from 1 to 5 (or blank for later)');
    expect(f.field('customerId')).toHaveProperty('ariaInvalid', 'true');
    // the first invalid field takes the focus
    expect(document.activeElement).toBe(f.field('customerId'));
  });

  it('checks the service action length and the handle time range', async () => {
    const f = setup();
    f.type('customerId', 'C-1');
    f.type('action', 'a'.repeat(501));
    f.type('handleSeconds', '86401');
    await f.submit();

    expect(f.onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('error-action').textContent).toBe('Service action: at most 500 characters (now 501)');
    expect(screen.getByTestId('error-handleSeconds').textContent).toBe('Handle time must be 0 to 86400 seconds (e.g. 95 or 1:35)');

    // fixing the fields clears the messages as the agent types
    f.type('action', 'replaced the breaker');
    f.type('handleSeconds', '1:35');
    expect(screen.queryByTestId('error-action')).toBeNull();
    expect(screen.queryByTestId('error-handleSeconds')).toBeNull();
  });

  it('sends the short flow on Enter, with shortcut keys and defaults applied', async () => {
    const f = setup();
    f.type('customerId', '  C-1001 ');
    f.type('action', 'remote reset');
    f.type('handleSeconds', '2:05');
    f.type('knowledgeRefs', 'KB-1, KB-2');
    f.type('commitmentCode', 'REPAIR_48H');
    const form = screen.getByTestId('short-flow-form');
    fireEvent.keyDown(form, { key: '2', code: 'Digit2', altKey: true }); // need: FAULT
    fireEvent.keyDown(form, { key: 'r', code: 'KeyR', altKey: true }); // resolved: off
    f.type('score', '4');
    await act(async () => {
      fireEvent.keyDown(f.field('score'), { key: 'Enter', code: 'Enter' });
    });

    expect(f.sent).toEqual([
      {
        id: expect.stringMatching(V7),
        unitId: 'prj-grid-uhv01',
        customerId: 'C-1001',
        channel: 'PHONE',
        kind: 'SERVICE',
        stage: 'AFTER_SALE',
        need: { category: 'FAULT', description: null },
        service: {
          action: 'remote reset',
          handleSeconds: 125,
          resolved: false,
          firstContact: true,
          knowledgeRefs: ['KB-1', 'KB-2'],
          knowledgeCreated: false,
          handoffUnitId: null,
          commitment: { code: 'REPAIR_48H', met: true },
        },
        satisfaction: { score: 4, comment: null },
      },
    ]);
    // accepted: the form is cleared for the next call and says so
    expect(screen.getByTestId('logged').textContent).toContain('6f1c2a9e');
    expect(f.field('customerId').value).toBe('');
    expect(document.activeElement).toBe(f.field('customerId'));
  });

  it("shows the server's BAD_USER_INPUT message under the field it names", async () => {
    const message = 'service.action must be shorter than or equal to 500 characters';
    const f = setup({ ok: false, problem: { code: 'BAD_USER_INPUT', message, field: 'service.action' } });
    f.type('customerId', 'C-1');
    f.type('action', 'ok locally');
    await f.submit();

    expect(f.onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('error-action').textContent).toBe(`Service action: ${message}`);
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(f.field('customerId').value).toBe('C-1'); // nothing lost
  });

  it('finds the field from the message when the error has no field extension', async () => {
    const message = 'input.need.description must be shorter than or equal to 2000 characters';
    const f = setup({ ok: false, problem: { code: 'BAD_USER_INPUT', message } });
    f.type('customerId', 'C-1');
    f.type('action', 'done');
    await f.submit();
    expect(screen.getByTestId('error-description').textContent).toBe(`Description: ${message}`);
  });

  it('shows other refusals above the form, in the server words', async () => {
    const f = setup({ ok: false, problem: { code: 'FORBIDDEN', message: 'unit bu-rail is outside your scope' } });
    f.type('customerId', 'C-1');
    f.type('action', 'done');
    await f.submit();
    expect(screen.getByTestId('form-error').textContent).toBe('FORBIDDEN unit bu-rail is outside your scope');
  });
});

describe('ShortFlowForm promises', () => {
  it('offers the catalogue promises and sends a tracked one as not kept yet, unless the agent ticks it', async () => {
    const sent: SiteTouchpointInput[] = [];
    const promises = [{ code: 'REPAIR_48H', name: 'Fault repaired within 48 h' }];
    render(<ShortFlowForm onSubmit={async (input) => (sent.push(input), { ok: true, id: 'x' })} promises={promises} />);
    const input = (id: string): HTMLInputElement => document.querySelector(`#f-${id}`) as HTMLInputElement;
    const type = (id: string, value: string): void => void fireEvent.change(input(id), { target: { value } });
    const submit = (): Promise<void> => act(async () => void fireEvent.click(screen.getByTestId('short-flow-submit')));
    expect([...document.querySelectorAll('#commitment-codes option')].map((o) => (o as HTMLOptionElement).value)).toEqual(['REPAIR_48H']);
    type('customerId', 'C-1');
    type('action', 'engineer booked');
    type('commitmentCode', 'REPAIR_48H');
    expect(input('commitmentMet').checked).toBe(false);
    await submit();
    type('customerId', 'C-2');
    type('action', 'repaired on the call');
    type('commitmentCode', 'REPAIR_48H');
    fireEvent.click(input('commitmentMet'));
    await submit();
    type('customerId', 'C-3');
    type('action', 'callback noted');
    type('commitmentCode', 'FREE_TEXT'); // not a catalogue promise: self-reported as before
    await submit();
    expect(sent.map((s) => s.service?.commitment)).toEqual([
      { code: 'REPAIR_48H', met: false },
      { code: 'REPAIR_48H', met: true },
      { code: 'FREE_TEXT', met: true },
    ]);
  });
});
