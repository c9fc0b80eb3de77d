// Small word lists the rules need, shipped with the code (nothing is downloaded): common English words (so a
// name is not matched or proposed on "is", "us", "However"), months and days, country and region names for
// guessing a location, title and first-name cues for a person, and the head words of groups and events.

const list = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

export const COMMON_WORDS = list(`
a about above across after afterwards again against ago all almost alone along already also although always am
among amid amidst an and another any anyone anything are around as at away back be became because become becomes
been before began behind being below beside besides between beyond both but by can cannot could did do does doing
done down during each either else elsewhere enough even ever every everyone everything except few first for former
formerly from further had has have having he her here hers herself him himself his how however i if in including
indeed instead into is it its itself just last later latter least less like many may me meanwhile might mine more
moreover most mostly much must my myself near nearly neither never nevertheless new next no nobody none nor not
nothing now of off often on once one only onto or other others otherwise our ours out over own per perhaps rather
same several she should since so some someone something sometimes still such than that the their theirs them
themselves then there thereafter therefore these they this those though through throughout thus to together too
toward towards under unless until up upon us very via was we well were what whatever when whenever where whereas
wherever whether which while who whoever whole whom whose why will with within without would yet you your yours
according after although despite during following given meanwhile nonetheless notably overall since starting
while yesterday today tomorrow tonight recently currently initially eventually finally later earlier subsequently
also again still however therefore moreover furthermore additionally similarly likewise instead otherwise
figure source sources table chart map note notes overview summary introduction conclusion background objectives
leadership analysis report reports section chapter appendix page part see related contents abstract
press police army government governments officials authorities forces security military state states group
groups members leader leaders figures fighters militants attack attacks area areas region regions country
countries city cities town towns capital north south east west northern southern eastern western central
total major minor ongoing new old early late mid many some most several other others
is be us it an as at in on or by if no so to do go me my we he up of am
`);

export const MONTHS =
  list(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`);

export const DAYS = list(
  `monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`,
);

/** Country and region names (lower case), for guessing that a new name is a place. */
export const PLACES = list(`
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
faso burundi cambodia cameroon canada cape verde chad chile china colombia comoros congo croatia cuba cyprus
czechia denmark djibouti dominica ecuador egypt salvador eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guinea-bissau guyana haiti honduras hungary
iceland india indonesia iran iraq ireland israel italy ivoire jamaica japan jordan kazakhstan kenya kiribati
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia montenegro morocco
mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria macedonia norway oman pakistan palau
palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
seychelles sierra leone singapore slovakia slovenia somalia somaliland spain sri lanka sudan suriname sweden
switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu
uganda ukraine emirates kingdom uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
sahel sahara maghreb levant sinai darfur kurdistan balochistan kashmir waziristan chechnya dagestan xinjiang
africa europe asia america middle gulf horn azawad cyrenaica tripolitania fezzan kabylie puntland jubaland
crimea donbas idlib aleppo raqqa mosul baghdad kabul kandahar tripoli benghazi cairo tunis algiers rabat
bamako niamey ouagadougou nouakchott dakar abuja lagos maiduguri mogadishu nairobi khartoum timbuktu gao kidal
menaka mopti agadez tamanrasset kano sokoto garissa lamu kismayo baidoa sirte derna sabha
`);

/** Head words that make a name an organization. */
export const ORGANIZATION_CUES = list(`
group movement front brigade brigades battalion battalions army forces force organization organisation union
council party committee mission province emirate network alliance coalition militia militias jamaat jamaa
jamaah jamaatu jama ansar harakat harakah katiba katibat tanzim hizb hezbollah liaison department ministry
administration agency service services office bureau court courts company corporation bank foundation
association society institute commission authority authorities command corps guard guards police government
jihad mujahideen mujahidin shabaab taliban sentinels caliphate state wilayat wilaya
`);

/** Words that, before or after a name, make it a place. */
export const LOCATION_CUES = list(`
region province district county city town village valley mountains mountain mount river lake forest desert sea
ocean island islands basin gulf border camp plateau coast peninsula oasis state republic kingdom governorate
prefecture municipality neighbourhood neighborhood area zone`);

/** Words that make a name an event. */
export const EVENT_CUES = list(`
attack attacks siege operation operations bombing bombings kidnapping kidnappings massacre war battle offensive
raid raids uprising revolution insurgency crisis conflict agreement accord accords treaty summit conference
election elections coup intervention ceasefire protests assault ambush hijacking assassination strike strikes
shooting shootings takeover campaign clashes murder abduction`);

/** Titles and roles before a person's name. */
export const PERSON_TITLES = list(`
president general gen colonel col major maj captain capt lieutenant lt sergeant sheikh shaykh sheik emir amir imam
mullah mufti commander minister prime dr mr mrs ms sir lord king queen prince princess sultan judge senator
governor ambassador leader founder spokesman spokesperson deputy chief head figure militant cleric preacher
ayatollah hajji hajj abu umm ibn bin ould ag`);

/** Common given names (lower case, folded spellings meet through the transliteration key). */
export const FIRST_NAMES = list(`
mohammed mohamed muhammad mohammad muhammed mohamad ahmed ahmad ali omar umar othman uthman osman usman osama
usama ayman abdullah abdallah abdelkader abdelhamid abdelmalek abdelaziz abdul abdel abdi hassan hasan hussein
husain ibrahim ismail isa yusuf youssef yousef mustafa mostafa khalid khaled karim hamza bilal tariq said saeed
salah saleh salim mahmoud mahmud mokhtar mukhtar iyad amadou moussa musa mamadou oumar boubacar abubakar
abubakr aboubakar ousmane sidi hamadou idriss idris yahya yahia zakaria nabil amari seifallah abdelmalik
abdelhak jamal djamel rachid rashid farid fouad walid khalil hamid hamed adnan anwar ayoub yasin yassine nasser
nasir jaber jabir fatima aisha khadija mariam maryam amina zainab john james michael david robert william
richard joseph thomas charles christopher daniel matthew mark paul peter george edward steven andrew kenneth
brian kevin jason jeffrey ryan gary timothy jose larry frank scott eric stephen jonathan justin brandon
alexis alexander alex nicolas nicholas emmanuel francois jean pierre louis marie anne mary patricia jennifer
linda elizabeth barbara susan jessica sarah karen nancy lisa margaret sandra ashley emily donna michelle
barack hillary donald joe vladimir xi recep bashar muammar hosni abdelaziz abdelmadjid`);
