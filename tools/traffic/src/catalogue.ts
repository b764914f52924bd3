import type { Channel, LifecycleStage, NeedCategory } from '@qihe/domain';

// The words a generated touchpoint is made of: per industry what breaks and
// what is sold, per need what customers say and what agents do.

export interface IndustryWords {
  assets: readonly string[];
  products: readonly string[];
}

const INDUSTRY_WORDS: Record<string, IndustryWords> = {
  Energy: {
    assets: ['feeder relay', 'RTU', 'smart meter', 'transformer monitor', 'SCADA link', 'line fault locator'],
    products: ['prd-relay-p7', 'prd-rtu-560', 'prd-meter-s3', 'prd-scada-suite', 'prd-uhv-monitor'],
  },
  Transport: {
    assets: ['axle counter', 'interlocking', 'traction substation', 'platform screen door', 'train radio', 'depot crane'],
    products: ['prd-cbtc-4', 'prd-psd-2', 'prd-traction-rect', 'prd-depot-care', 'prd-radio-gsmr'],
  },
  Utilities: {
    assets: ['water meter', 'pressure sensor', 'pump station', 'valve actuator', 'billing portal', 'leak logger'],
    products: ['prd-meter-w2', 'prd-leak-watch', 'prd-pump-ctl', 'prd-bill-online', 'prd-plant-ops'],
  },
  Telecom: {
    assets: ['5G CPE', 'fibre ONT', 'core router', 'edge rack PDU', 'SIM profile', 'backhaul link'],
    products: ['prd-5g-private', 'prd-ftth-100', 'prd-edge-rack', 'prd-sdwan', 'prd-iot-sim'],
  },
};

const DEFAULT_WORDS: IndustryWords = {
  assets: ['device', 'controller', 'portal account', 'service line'],
  products: ['prd-standard', 'prd-premium', 'prd-maintenance'],
};

export const wordsFor = (industry: string | null | undefined): IndustryWords => INDUSTRY_WORDS[industry ?? ''] ?? DEFAULT_WORDS;

/** Industries a customer may belong to when not the unit's own. */
export const OTHER_INDUSTRIES = ['Manufacturing', 'Government', 'Finance', 'Mining', 'Healthcare', 'Education'] as const;

// "{asset}" is replaced by one of the industry's assets.
export const NEED_TEXT: Record<NeedCategory, readonly string[]> = {
  CONSULTATION: ['Asks how the {asset} upgrade would affect operations', 'Wants advice on sizing a {asset} for a new site', 'Questions about the service level of the {asset}'],
  FAULT: ['{asset} offline since this morning', 'Intermittent alarms on the {asset}', '{asset} reports wrong values', '{asset} tripped twice overnight'],
  COMPLAINT: ['Engineer arrived later than promised', 'Third call about the same {asset} problem', 'Unhappy with the answer given last week'],
  PURCHASE: ['Quote requested for additional {asset} units', 'Wants to add a {asset} to the running contract', 'Tender enquiry for a {asset} rollout'],
  RENEWAL: ['Maintenance contract ends next month', 'Asks for renewal terms with longer support hours', 'Wants to renew and extend to a second site'],
  INSTALLATION: ['Schedule commissioning of the new {asset}', 'Installation of the {asset} blocked by site access', 'Needs a firmware baseline before go-live'],
  BILLING: ['Invoice does not match the contract price', 'Duplicate charge on the last statement', 'Asks for a split invoice per cost centre'],
  KNOWLEDGE: ['Looks for the {asset} configuration guide', 'Asks for training material on the {asset}', 'Wants the latest release notes'],
  SUGGESTION: ['Proposes a mobile view for the {asset} status', 'Suggests proactive alerts before maintenance', 'Would like monthly health reports'],
  OTHER: ['General enquiry', 'Update of contact details', 'Question forwarded from another department'],
};

export const ACTION_TEXT: Record<NeedCategory, readonly string[]> = {
  CONSULTATION: ['Explained options and sent the datasheet', 'Booked a call with a solution engineer', 'Shared a reference case'],
  FAULT: ['Remote diagnosis and reset of the {asset}', 'Dispatched a field engineer', 'Replaced the faulty {asset} module', 'Pushed a configuration fix'],
  COMPLAINT: ['Apologised and escalated to the unit head', 'Agreed a recovery plan with the customer', 'Offered a service credit'],
  PURCHASE: ['Sent a quotation', 'Passed the lead to sales with requirements', 'Prepared a proposal draft'],
  RENEWAL: ['Sent renewal offer', 'Renewal agreed, contract updated', 'Scheduled a review meeting'],
  INSTALLATION: ['Booked the commissioning slot', 'Coordinated site access with the customer', 'Installed and tested on site'],
  BILLING: ['Corrected the invoice', 'Issued a credit note', 'Explained the charges line by line'],
  KNOWLEDGE: ['Sent the knowledge article', 'Walked the customer through the guide', 'Scheduled a training session'],
  SUGGESTION: ['Logged the suggestion for product management', 'Thanked the customer and shared the roadmap'],
  OTHER: ['Answered and closed', 'Updated the customer record', 'Routed to the right department'],
};

export const COMMENT_TEXT: Record<'good' | 'bad', readonly string[]> = {
  good: ['Quick and helpful', 'Solved on the first call', 'Engineer was very professional', 'Clear explanation, thanks'],
  bad: ['Took far too long', 'Problem is still there', 'Had to explain everything twice', 'Nobody called back'],
};

/** Which service commitment applies to a need, when one does. */
export const COMMITMENT_FOR: Partial<Record<NeedCategory, readonly string[]>> = {
  FAULT: ['REPAIR_48H', 'ONSITE_24H', 'CALLBACK_2H'],
  INSTALLATION: ['INSTALL_7D'],
  COMPLAINT: ['REPLY_24H', 'CALLBACK_2H'],
  BILLING: ['BILLING_FIX_5D'],
  RENEWAL: ['OFFER_3D'],
  PURCHASE: ['QUOTE_3D'],
};

/** The lifecycle stages a need is raised in, with their weights. */
export const STAGES_FOR: Record<NeedCategory, Partial<Record<LifecycleStage, number>>> = {
  CONSULTATION: { PRE_SALE: 5, IN_SALE: 2, AFTER_SALE: 3 },
  FAULT: { IN_SALE: 1, AFTER_SALE: 19 },
  COMPLAINT: { IN_SALE: 1, AFTER_SALE: 3 },
  PURCHASE: { PRE_SALE: 7, IN_SALE: 3 },
  RENEWAL: { IN_SALE: 1, AFTER_SALE: 4 },
  INSTALLATION: { IN_SALE: 7, AFTER_SALE: 3 },
  BILLING: { IN_SALE: 2, AFTER_SALE: 3 },
  KNOWLEDGE: { PRE_SALE: 3, IN_SALE: 2, AFTER_SALE: 5 },
  SUGGESTION: { PRE_SALE: 1, IN_SALE: 2, AFTER_SALE: 7 },
  OTHER: { PRE_SALE: 1, IN_SALE: 1, AFTER_SALE: 1 },
};

/** How much a need moves the chance of resolving it. */
export const RESOLUTION_SHIFT: Partial<Record<NeedCategory, number>> = {
  COMPLAINT: -0.15,
  FAULT: -0.05,
  INSTALLATION: -0.05,
  CONSULTATION: 0.08,
  KNOWLEDGE: 0.1,
  OTHER: 0.05,
};
