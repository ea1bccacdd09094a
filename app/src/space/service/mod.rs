//! The database side of « Mon espace »: one query set per home, counting with
//! GROUP BY rather than loading every row.

pub mod coordinator;
pub mod learner;
pub mod to_close;
pub mod trainer;
