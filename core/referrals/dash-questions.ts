/**
 * The wording of the two built-in DASH checklists, as the practitioner asks them of the victim.
 * Our own faithful wording of the public forms: the order and meaning follow the forms exactly,
 * because the score and the research behind each question depend on both. "The abuser" stands
 * where the forms say "(name of abuser)": the practitioner says the name.
 */

/** Shared by both forms: the eight "current situation" questions. */
const currentSituation = [
  'Has the current incident resulted in injury? (Say what, and whether this is the first injury.)',
  'Are you very frightened?',
  'What are you afraid of? Is it further injury or violence? (Say what you think the abuser ' +
    'might do, and to whom, including the children.)',
  'Do you feel isolated from family or friends? Does the abuser try to stop you seeing friends, ' +
    'family, your doctor or others?',
  'Are you feeling depressed or having suicidal thoughts?',
  'Have you separated, or tried to separate, from the abuser within the past year?',
  'Is there conflict over child contact?',
  'Does the abuser constantly text, call, contact, follow, stalk or harass you? (Say what, and ' +
    'whether you believe it is done deliberately to intimidate you.)',
] as const;

/** Shared by both forms: history of the abuse and the abuser, after the pregnancy question. */
const historyAndAbuser = [
  'Is the abuse happening more often?',
  'Is the abuse getting worse?',
  'Does the abuser try to control everything you do and/or are they excessively jealous? (For ' +
    "example who you see, being 'policed' at home, what you wear. Consider 'honour'-based " +
    'violence.)',
  'Has the abuser ever used weapons or objects to hurt you?',
  'Has the abuser ever threatened to kill you or someone else, and you believed them? (Say who: ' +
    'you, the children, or someone else.)',
  'Has the abuser ever attempted to strangle, choke, suffocate or drown you?',
  'Does the abuser do or say things of a sexual nature that make you feel bad or that physically ' +
    'hurt you or someone else? (If someone else, say who.)',
  'Is there any other person who has threatened you or who you are afraid of? (Say who and why. ' +
    "Consider extended family if 'honour'-based violence.)",
  'Do you know if the abuser has hurt anyone else? (Say who: the children, siblings or elderly ' +
    'relatives, another family member, someone from a previous relationship, or others.)',
  'Has the abuser ever mistreated an animal or the family pet?',
  'Are there any financial issues? For example, are you dependent on the abuser for money, or ' +
    'have they recently lost their job?',
  'Has the abuser had problems in the past year with drugs (prescription or other), alcohol or ' +
    'mental health, leading to problems in leading a normal life?',
  'Has the abuser ever threatened or attempted suicide?',
  'Has the abuser ever broken bail, an injunction and/or a formal agreement about when they can ' +
    'see you and/or the children? (For example bail conditions, a non-molestation or occupation ' +
    'order, child contact arrangements, a forced marriage protection order.)',
  'Do you know if the abuser has ever been in trouble with the police or has a criminal ' +
    'history? (For example domestic abuse, sexual violence or other violence.)',
] as const;

/** SafeLives Dash risk checklist: 24 questions. */
export const safelives24Questions: readonly string[] = [
  ...currentSituation,
  'Are you pregnant, or have you had a baby in the last 18 months?',
  ...historyAndAbuser,
];

/**
 * Police DASH (2009): the same questions plus three more in its "children and dependants"
 * section, which partner agencies ask about through their own children's safeguarding routes.
 */
export const police27Questions: readonly string[] = [
  ...currentSituation,
  'Are you currently pregnant, or have you had a baby in the past 18 months?',
  "Are there any children or step-children in the household who are not the abuser's? Or are " +
    'there other dependants in the household, such as an older relative?',
  'Has the abuser ever hurt the children or dependants?',
  'Has the abuser ever threatened to hurt or kill the children or dependants?',
  ...historyAndAbuser,
];
