//! Special characteristics of the controller (EDPB 9/2022 risk factor;
//! ENISA 2013 Annex 1 A2): a customer list of an online pharmacy says more
//! than that of a stationery shop.

/// What the controller's sector reveals about its customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectorContext {
    /// Nothing beyond the data itself.
    Ordinary,
    /// Being a customer allows assumptions about social or financial status
    /// (banks, insurers, credit, luxury goods): simple data scores at least 2.
    FinancialStatus,
    /// Being a customer allows assumptions about health, sex life, beliefs or
    /// political views (pharmacy, clinic, dating, religious or political
    /// bodies): simple data scores at least 3.
    IntimateLife,
}

impl SectorContext {
    /// Classifies the free-text `controller.sector`.
    pub fn of(sector: Option<&str>) -> SectorContext {
        let Some(s) = sector else {
            return SectorContext::Ordinary;
        };
        let s = s.to_ascii_lowercase();
        const INTIMATE: &[&str] = &[
            "health",
            "medical",
            "pharma",
            "hospital",
            "clinic",
            "care",
            "therapy",
            "dating",
            "adult",
            "erotic",
            "religio",
            "church",
            "politic",
            "party",
            "union",
            "counselling",
            "addiction",
        ];
        const FINANCIAL: &[&str] = &[
            "financ",
            "bank",
            "insurance",
            "credit",
            "invest",
            "luxury",
            "debt",
        ];
        if INTIMATE.iter().any(|k| s.contains(k)) {
            SectorContext::IntimateLife
        } else if FINANCIAL.iter().any(|k| s.contains(k)) {
            SectorContext::FinancialStatus
        } else {
            SectorContext::Ordinary
        }
    }

    /// The lowest DPC the context allows (ENISA 2013, Annex 1 Table 1 rows
    /// "+1" and "+2" of simple data; examples A3).
    pub(crate) fn dpc_floor(self) -> u8 {
        match self {
            SectorContext::Ordinary => 1,
            SectorContext::FinancialStatus => 2,
            SectorContext::IntimateLife => 3,
        }
    }

    /// Whether the controller's staff are bound by professional secrecy
    /// (Recital 85: loss of confidentiality of data protected by professional secrecy).
    pub fn professional_secrecy(sector: Option<&str>) -> bool {
        let Some(s) = sector else { return false };
        let s = s.to_ascii_lowercase();
        [
            "health", "medical", "hospital", "clinic", "pharma", "therapy", "legal", "law", "tax",
            "notary", "bank",
        ]
        .iter()
        .any(|k| s.contains(k))
    }

    /// Whether the sector is health care (availability losses can endanger people).
    pub fn health_care(sector: Option<&str>) -> bool {
        let Some(s) = sector else { return false };
        let s = s.to_ascii_lowercase();
        ["health", "medical", "hospital", "clinic", "care"]
            .iter()
            .any(|k| s.contains(k))
    }
}
