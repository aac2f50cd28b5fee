/** Dialog ids, in one place so that dialogs can start one another without string typos. */
export const MAIN_DIALOG = 'mainDialog';
export const MAIN_WATERFALL = 'mainWaterfall';
export const CONDITION_DIALOG = 'conditionDialog';
export const TOPIC_DIALOG = 'topicDialog';
export const WHICH_TREATMENT_DIALOG = 'whichTreatmentDialog';
export const ENQUIRY_DIALOG = 'enquiryDialog';
export const HANDOFF_DIALOG = 'handoffDialog';
export const CLARIFY_DIALOG = 'clarifyDialog';
