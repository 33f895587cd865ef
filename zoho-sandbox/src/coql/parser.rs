//! COQL's grammar, as Zoho's COQL pages give it:
//!
//! ```text
//! query    := SELECT column (, column)* FROM module [WHERE criteria]
//!             [ORDER BY column [ASC|DESC] (, column [ASC|DESC])*]
//!             [LIMIT n | LIMIT offset, n | LIMIT n OFFSET offset]
//! column   := word | 'quoted word'           (`*` is refused)
//! criteria := operand [(AND | OR) operand]   (more than two criteria need parentheses:
//! operand  := ( criteria ) | test             `(A and (B or C))`, as Zoho requires)
//! test     := column (= | != | < | > | <= | >=) value
//!           | column [NOT] LIKE 'text with %'
//!           | column [NOT] IN (value, …)
//!           | column IS [NOT] NULL
//!           | column [NOT] BETWEEN value AND value
//! value    := 'text' | number | true | false
//! ```
//!
//! Keywords are case-insensitive. Aggregates, `GROUP BY` and joins through lookups in
//! `WHERE` are not emulated: they are refused as syntax errors.

use zoho_spec::paging::{
    DEFAULT_COQL_LIMIT, MAX_COQL_CRITERIA, MAX_COQL_FIELDS, MAX_COQL_IN_VALUES, MAX_COQL_LIMIT,
    MAX_COQL_OFFSET,
};

use super::error::CoqlError;
use super::lexer::{self, Kind, Token};

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Query {
    pub columns: Vec<String>,
    pub module: String,
    pub criteria: Option<Criteria>,
    /// Columns to sort by, each `true` when descending.
    pub order: Vec<(String, bool)>,
    pub offset: usize,
    pub limit: usize,
}

/// The `WHERE` clause.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Criteria {
    And(Box<Criteria>, Box<Criteria>),
    Or(Box<Criteria>, Box<Criteria>),
    Test(String, Test),
}

/// What a criterion asks of a column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    Compare(&'static str, Value),
    Like {
        pattern: String,
        negated: bool,
    },
    In {
        values: Vec<Value>,
        negated: bool,
    },
    Null {
        negated: bool,
    },
    Between {
        low: Value,
        high: Value,
        negated: bool,
    },
}

/// A literal of the query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// Parses a whole query.
pub(crate) fn parse(query: &str) -> Result<Query, CoqlError> {
    let tokens = lexer::tokens(query)?;
    let mut p = Parser {
        query,
        tokens,
        pos: 0,
        criteria: 0,
    };
    p.query()
}

struct Parser<'q> {
    query: &'q str,
    tokens: Vec<Token>,
    pos: usize,
    /// Criteria read so far (Zoho takes 25).
    criteria: usize,
}

impl Parser<'_> {
    fn query(&mut self) -> Result<Query, CoqlError> {
        self.keyword("select", "select")?;
        let columns = self.columns()?;
        self.keyword("from", "from")?;
        let module = self.word("from")?;
        let criteria = match self.eat("where") {
            true => Some(self.criteria()?),
            false => None,
        };
        let order = match self.eat("order") {
            true => {
                self.keyword("by", "order by")?;
                self.order()?
            }
            false => Vec::new(),
        };
        let (offset, limit) = self.limit()?;
        if let Some(token) = self.tokens.get(self.pos) {
            return Err(CoqlError::syntax(lexer::near(self.query, token.at)));
        }
        Ok(Query {
            columns,
            module,
            criteria,
            order,
            offset,
            limit,
        })
    }

    /// `select a, b, 'External'`; `select *` is refused, and so are more than 50 columns.
    fn columns(&mut self) -> Result<Vec<String>, CoqlError> {
        let mut columns = Vec::new();
        loop {
            match self.next_kind() {
                Some(Kind::Word(w)) if !w.eq_ignore_ascii_case("from") => columns.push(w),
                Some(Kind::Text(w)) => columns.push(w),
                _ => return Err(self.error_before("select")),
            }
            if !self.eat_kind(&Kind::Comma) {
                break;
            }
        }
        if columns.len() > MAX_COQL_FIELDS {
            return Err(CoqlError::limit("select", MAX_COQL_FIELDS));
        }
        Ok(columns)
    }

    /// `operand [(and | or) operand]`: a third criterion at the same level is refused.
    fn criteria(&mut self) -> Result<Criteria, CoqlError> {
        let left = self.operand()?;
        let joined = if self.eat("and") {
            Criteria::And(Box::new(left), Box::new(self.operand()?))
        } else if self.eat("or") {
            Criteria::Or(Box::new(left), Box::new(self.operand()?))
        } else {
            return Ok(left);
        };
        if self.peek_is("and") || self.peek_is("or") {
            return Err(self.error_at("where"));
        }
        Ok(joined)
    }

    fn operand(&mut self) -> Result<Criteria, CoqlError> {
        if self.eat_kind(&Kind::Open) {
            let inner = self.criteria()?;
            if !self.eat_kind(&Kind::Close) {
                return Err(self.error_at("where"));
            }
            return Ok(inner);
        }
        self.criteria += 1;
        if self.criteria > MAX_COQL_CRITERIA {
            return Err(CoqlError::limit("where", MAX_COQL_CRITERIA));
        }
        let column = match self.next_kind() {
            Some(Kind::Word(w)) => w,
            Some(Kind::Text(w)) => w,
            _ => return Err(self.error_before("where")),
        };
        Ok(Criteria::Test(column, self.test()?))
    }

    /// What follows a column in a criterion.
    fn test(&mut self) -> Result<Test, CoqlError> {
        if let Some(Kind::Compare(op)) = self.peek_kind() {
            let op = *op;
            self.pos += 1;
            return Ok(Test::Compare(op, self.value()?));
        }
        if self.eat("is") {
            let negated = self.eat("not");
            self.keyword("null", "where")?;
            return Ok(Test::Null { negated });
        }
        let negated = self.eat("not");
        if self.eat("like") {
            return match self.next_kind() {
                Some(Kind::Text(pattern)) => Ok(Test::Like { pattern, negated }),
                _ => Err(self.error_before("where")),
            };
        }
        if self.eat("in") {
            let values = self.list()?;
            return Ok(Test::In { values, negated });
        }
        if self.eat("between") {
            let low = self.value()?;
            self.keyword("and", "where")?;
            let high = self.value()?;
            return Ok(Test::Between { low, high, negated });
        }
        Err(self.error_at("where"))
    }

    /// `(value, …)`, at most 50.
    fn list(&mut self) -> Result<Vec<Value>, CoqlError> {
        if !self.eat_kind(&Kind::Open) {
            return Err(self.error_at("where"));
        }
        let mut values = vec![self.value()?];
        while self.eat_kind(&Kind::Comma) {
            values.push(self.value()?);
        }
        if !self.eat_kind(&Kind::Close) {
            return Err(self.error_at("where"));
        }
        if values.len() > MAX_COQL_IN_VALUES {
            return Err(CoqlError::limit("in", MAX_COQL_IN_VALUES));
        }
        Ok(values)
    }

    fn value(&mut self) -> Result<Value, CoqlError> {
        match self.next_kind() {
            Some(Kind::Text(t)) => Ok(Value::Text(t)),
            Some(Kind::Number(n)) => match n.parse::<f64>() {
                Ok(x) => Ok(Value::Number(x)),
                Err(_) => Err(self.error_before("where")),
            },
            Some(k) if k.is("true") => Ok(Value::Bool(true)),
            Some(k) if k.is("false") => Ok(Value::Bool(false)),
            _ => Err(self.error_before("where")),
        }
    }

    /// `a [asc|desc], b …`; a column twice is `DUPLICATE_DATA`.
    fn order(&mut self) -> Result<Vec<(String, bool)>, CoqlError> {
        let mut order: Vec<(String, bool)> = Vec::new();
        loop {
            let column = self.word("order by")?;
            if order.iter().any(|(c, _)| c.eq_ignore_ascii_case(&column)) {
                return Err(CoqlError::duplicate(&column));
            }
            let descending = self.eat("desc");
            if !descending {
                self.eat("asc");
            }
            order.push((column, descending));
            if !self.eat_kind(&Kind::Comma) {
                return Ok(order);
            }
        }
    }

    /// `limit n`, `limit offset, n`, `limit n offset m`, or none (`limit 200`).
    fn limit(&mut self) -> Result<(usize, usize), CoqlError> {
        if !self.eat("limit") {
            return Ok((0, DEFAULT_COQL_LIMIT));
        }
        let first = self.count("limit")?;
        let (offset, limit) = if self.eat_kind(&Kind::Comma) {
            (first, self.count("limit")?)
        } else if self.eat("offset") {
            (self.count("offset")?, first)
        } else {
            (0, first)
        };
        if limit > MAX_COQL_LIMIT {
            return Err(CoqlError::limit("limit", MAX_COQL_LIMIT));
        }
        if offset > MAX_COQL_OFFSET {
            return Err(CoqlError::limit("offset", MAX_COQL_OFFSET));
        }
        Ok((offset, limit))
    }

    fn count(&mut self, clause: &str) -> Result<usize, CoqlError> {
        match self.next_kind() {
            // A number too large for `usize` is past every limit anyway.
            Some(Kind::Number(n)) if n.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(n.parse().unwrap_or(usize::MAX))
            }
            _ => Err(self.error_before(clause)),
        }
    }

    fn keyword(&mut self, keyword: &str, clause: &str) -> Result<(), CoqlError> {
        if self.eat(keyword) {
            Ok(())
        } else {
            Err(self.error_at(clause))
        }
    }

    fn word(&mut self, clause: &str) -> Result<String, CoqlError> {
        match self.next_kind() {
            Some(Kind::Word(w)) => Ok(w),
            Some(Kind::Text(w)) => Ok(w),
            _ => Err(self.error_before(clause)),
        }
    }

    fn peek_kind(&self) -> Option<&Kind> {
        self.tokens.get(self.pos).map(|t| &t.kind)
    }

    fn peek_is(&self, keyword: &str) -> bool {
        self.peek_kind().is_some_and(|k| k.is(keyword))
    }

    fn next_kind(&mut self) -> Option<Kind> {
        let kind = self.peek_kind().cloned();
        self.pos += 1;
        kind
    }

    fn eat(&mut self, keyword: &str) -> bool {
        let found = self.peek_is(keyword);
        self.pos += usize::from(found);
        found
    }

    fn eat_kind(&mut self, kind: &Kind) -> bool {
        let found = self.peek_kind() == Some(kind);
        self.pos += usize::from(found);
        found
    }

    /// A syntax error at the token about to be read.
    fn error_at(&self, clause: &str) -> CoqlError {
        let at = self.tokens.get(self.pos).map_or(self.query.len(), |t| t.at);
        CoqlError::syntax_in(clause, lexer::near(self.query, at))
    }

    /// A syntax error at the token just read.
    fn error_before(&self, clause: &str) -> CoqlError {
        let at = self
            .tokens
            .get(self.pos.saturating_sub(1))
            .map_or(self.query.len(), |t| t.at);
        CoqlError::syntax_in(clause, lexer::near(self.query, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_clause() {
        let q = parse(
            "SELECT Last_Name, 'External' FROM Leads WHERE (Last_Name like 'Bry%' and \
             (Annual_Revenue between 10 and 20 or Lead_Status not in ('Lost', 'Junk'))) \
             ORDER BY Last_Name desc, id LIMIT 40, 20",
        )
        .unwrap();
        assert_eq!(q.columns, ["Last_Name", "External"]);
        assert_eq!(q.module, "Leads");
        assert_eq!(
            q.order,
            [("Last_Name".to_owned(), true), ("id".to_owned(), false)]
        );
        assert_eq!((q.offset, q.limit), (40, 20));
        let Some(Criteria::And(left, _)) = q.criteria else {
            panic!("an and")
        };
        let like = Test::Like {
            pattern: "Bry%".into(),
            negated: false,
        };
        assert_eq!(*left, Criteria::Test("Last_Name".into(), like));
    }

    #[test]
    fn reads_both_spellings_of_an_offset_and_the_default_limit() {
        let q = parse("select id from Leads limit 20 offset 40").unwrap();
        assert_eq!((q.offset, q.limit), (40, 20));
        let q = parse("select id from Leads where Email is not null").unwrap();
        assert_eq!((q.offset, q.limit), (0, 200));
    }

    #[test]
    fn refuses_what_zoho_refuses() {
        let code = |q: &str| parse(q).unwrap_err().code;
        assert_eq!(code("select * from Leads"), "SYNTAX_ERROR");
        assert_eq!(
            code("select id from Leads where a = 1 and b = 2 and c = 3"),
            "SYNTAX_ERROR"
        );
        assert_eq!(code("select id from Leads where (a = 1"), "SYNTAX_ERROR");
        assert_eq!(code("select id Leads"), "SYNTAX_ERROR");
        assert_eq!(code("select id from Leads limit 2001"), "LIMIT_EXCEEDED");
        assert_eq!(
            code("select id from Leads limit 100001, 10"),
            "LIMIT_EXCEEDED"
        );
        assert_eq!(
            code("select id from Leads order by id, id"),
            "DUPLICATE_DATA"
        );
        let many: Vec<String> = (0..51).map(|i| format!("f{i}")).collect();
        assert_eq!(
            code(&format!("select {} from Leads", many.join(","))),
            "LIMIT_EXCEEDED"
        );
    }
}
