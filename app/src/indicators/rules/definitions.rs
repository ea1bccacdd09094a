//! How each indicator is computed, in the words the page and the annual
//! report print next to the figures.

pub const SESSIONS: &str = "Sessions de l’année de programme choisie : réalisées, prévues (pas encore tenues) et annulées, comparées au programme prévisionnel de l’année, qui est fixé par module (il n’est donc pas comparé lorsqu’un filtre de modalité ou de formateur est actif).";
pub const FUNNEL: &str = "Inscriptions confirmées aux sessions non annulées de l’année ; parmi elles, celles où la personne a suivi au moins une demi-journée (présente ou en retard), puis toutes les demi-journées. Une absence excusée n’est pas une présence.";
pub const TRAINED: &str = "Personnes formées : personnes différentes ayant suivi au moins une demi-journée d’une session de l’année (une personne formée à deux modules compte une fois).";
pub const HOURS: &str = "Heures-stagiaires : somme, pour chaque demi-journée suivie par chaque personne, de la durée de la demi-journée.";
pub const TYPOLOGY: &str = "Typologie des personnes formées : secteur (celui de la personne, à défaut celui de sa structure), profession et structure tels que la personne les avait déclarés dans son compte lorsqu’elle s’est inscrite à la session (ou lorsque sa place a été confirmée), même si elle les a changés depuis. Dans les tableaux, les graphiques et les exports, les effectifs de moins de 5 personnes sont masqués (« < 5 ») pour protéger l’anonymat.";
pub const SKILLS: &str = "Compétences acquises par objectif : réponses à l’auto-évaluation après la formation aux affirmations rattachées à l’objectif (moyenne par personne si l’objectif en compte plusieurs) ; part des personnes à 4 ou 5 sur 5 ; évolution moyenne entre avant et après pour les seules personnes ayant répondu aux deux ; part des points obtenus aux questions de quiz rattachées à l’objectif. Les réponses données après la formation ne comptent que pour les personnes ayant suivi au moins une demi-journée.";
pub const CRISIS: &str = "Personnes déclarant avoir acquis des connaissances et compétences pour prévenir et gérer les situations de crise : réponse 4 ou 5 sur 5, après la formation, à l’affirmation « Je me sens capable de repérer, prévenir et gérer une situation de crise… ». Le taux de réponse rapporte les réponses aux participations avec au moins une demi-journée suivie ; la progression compare à l’auto-évaluation avant la formation.";
pub const SATISFACTION: &str = "Évaluation à chaud : satisfaction globale moyenne sur 5 et part des personnes qui recommanderaient la formation. Évaluation à froid (trois mois après) : part des personnes ayant utilisé ce qu’elles ont appris, et utilité moyenne dans la pratique sur 5. Seules comptent les réponses des personnes ayant suivi au moins une demi-journée.";
pub const PARTNERS: &str = "Partenaires impliqués : structures dont au moins une personne a été formée dans l’année ; nouvelles structures : aucune personne formée les années précédentes.";
pub const TREND: &str = "Évolution : les mêmes définitions, année de programme par année, avec les mêmes filtres de module, de modalité et de formateur.";

/// The anonymised raw data (`donnees.csv`), shown next to its link; not one of
/// the indicators, so not in [`ALL`].
pub const RAW: &str = "Données anonymisées : une ligne par inscription confirmée à une session non annulée de l’année, avec les mêmes filtres. Ni nom, ni adresse e-mail, ni structure, ni date précise, ni réponse libre : chaque personne reçoit un numéro valable dans ce seul fichier, le même sur chacune de ses lignes ; la session n’est datée que par son mois ; une profession partagée par moins de 5 personnes du fichier devient « Autre (moins de 5) ». Les demi-journées suivies comptent les présences et les retards, pas les absences excusées. Les réponses sur 5 sont celles de l’auto-évaluation avant et après la formation (affirmation sur les situations de crise, et moyenne des affirmations rattachées à un objectif) et des évaluations à chaud et à froid ; une case vide signifie « pas de réponse ».";

/// Every definition with its name, for the exports.
pub const ALL: [(&str, &str); 10] = [
    ("Sessions", SESSIONS),
    ("Participation", FUNNEL),
    ("Personnes formées", TRAINED),
    ("Heures-stagiaires", HOURS),
    ("Typologie", TYPOLOGY),
    ("Compétences", SKILLS),
    ("Situations de crise", CRISIS),
    ("Satisfaction", SATISFACTION),
    ("Partenaires", PARTNERS),
    ("Évolution", TREND),
];
