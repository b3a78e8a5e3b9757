/**
 * Short and familiar forms of given names used in the UK, by the name they come from: an agency
 * that knows a victim as Liz and another that writes Elizabeth should still meet. Each line is
 * one name's family: the first word is the canonical form, the rest are forms that stand for it.
 * A form may belong to several families (Sam for Samantha and Samuel, Chris for Christine and
 * Christopher); it then has several canonical forms. Spelling variants that sound alike (Aisha,
 * Ayesha; Catherine, Kathryn) are left to the phonetic codes.
 *
 * Written for this app from common knowledge of English names; extend it freely (lower case,
 * no accents: the words are compared after normalisation).
 */
const FAMILIES = `
  elizabeth liz lizzie lizzy liza eliza elisa elise beth bethany betty bette betsy bess bessie libby lisa elsie ellie
  margaret maggie meg megan peggy marge margie maisie greta rita daisy madge
  catherine katherine kathryn katharine kathleen kate katie katy kath kathy cathy cath kat kitty kay caitlin
  rebecca becky becca bex
  jennifer jen jenny jenna
  victoria vicky vicki vikki tori
  alexandra alex alexa lexi sasha sandra sandy
  alexander alex alec lex sandy xander
  samantha sam sammy sammie
  samuel sam sammy
  susan sue susie suzy suzie suzanne susanna susannah
  deborah debra debbie deb debs
  patricia pat patty tricia trish trisha patsy
  christine christina kristina chris chrissie chrissy tina kirsty kirsten
  christopher chris kit topher
  charlotte lottie lotte charlie
  abigail abby abbie gail
  amanda mandy manda
  jacqueline jackie jacqui jacky
  josephine jo josie jojo
  joanne joanna joan jo
  anne ann anna annie anita hannah
  helen helena ellen nell nellie
  eleanor elinor nora ellie nell nellie
  mary molly polly mae maria
  sarah sara sally sadie
  teresa theresa tess tessa terri
  nicola nicole nicky nikki nic
  jessica jess jessie
  stephanie steph stevie
  danielle dani
  georgina georgia georgie
  frances francesca fran frankie
  gillian jillian gill jill gilly
  dorothy dot dotty dolly
  louise louisa lou lulu
  caroline carol carolyn carrie caro
  amelia amy millie milly
  emily emmy millie
  emma em emmie
  isabel isabella isobel izzy bella belle
  olivia liv livvy
  natalie natasha nat tash tasha
  penelope penny
  philippa pippa pip
  kimberley kimberly kim
  leanne lea leah
  robert rob robbie bob bobby bert bertie
  william will bill billy willie liam
  richard rick ricky dick richie rich
  james jim jimmy jamie
  john jonathan jon johnny jack jonny
  michael mike mick mickey mikey
  thomas tom tommy
  anthony tony ant
  edward ed eddie ted teddy ned
  joseph joe joey
  david dave davy
  andrew andy drew
  matthew matt matty
  benjamin ben benny benji
  nicholas nick nicky
  peter pete
  daniel dan danny
  henry harry hal
  charles charlie chas chaz
  philip phillip phil pip
  timothy tim timmy
  jacob jake
  patrick pat paddy
  gerald gerard gerry jerry
  lawrence laurence larry laurie
  kenneth ken kenny
  ronald ron ronnie
  donald don donny
  raymond ray
  leonard len lenny leo
  frederick fred freddie freddy
  albert al bert bertie
  alfred alf alfie fred
  terence terry
  gregory greg
  geoffrey jeffrey geoff jeff
  stuart stewart stu
  douglas doug dougie
  nathan nathaniel nate nat
  zachary zach zack
  oliver ollie olly
`;

const CANONICAL = new Map<string, string[]>();
for (const line of FAMILIES.trim().split('\n')) {
  const [canonical, ...forms] = line.trim().split(/\s+/);
  for (const form of [canonical!, ...forms]) {
    const known = CANONICAL.get(form) ?? [];
    if (!known.includes(canonical!)) CANONICAL.set(form, [...known, canonical!]);
  }
}

/** The canonical forms a name word stands for (`liz` gives `elizabeth`); none when not listed. */
export function nicknameCanonicals(token: string): readonly string[] {
  return CANONICAL.get(token) ?? [];
}
