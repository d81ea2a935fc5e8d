//! Tokenizer and recursive-descent parser for the expression language.
//! Produces an untyped syntax tree with 1-based character columns.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | cmp
//! cmp     := sum (("=="|"!="|"<"|"<="|">"|">=") sum | "in" "[" string ("," string)* "]")?
//! sum     := product (("+"|"-") product)*
//! product := unary ("*" unary)*
//! unary   := "-" unary | atom
//! atom    := integer | 'text' | true | false | name | name "(" expr ("," expr)* ")" | "(" expr ")"
//! ```

#[derive(Debug, Clone, PartialEq)]
pub enum Syntax {
    Int(i64),
    Text(String),
    Bool(bool),
    Name(String),
    Call(String, Vec<Node>),
    Neg(Box<Node>),
    Binary(BinOp, Box<Node>, Box<Node>),
    Not(Box<Node>),
    In(Box<Node>, Vec<(String, usize)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
        }
    }
}

/// A syntax node with the column where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub syntax: Syntax,
    pub column: usize,
}

/// A parse failure: column and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Int(i64),
    Text(String),
    Ident(String),
    Sym(&'static str),
    End,
}

const MAX_LEN: usize = 2_000;
const MAX_DEPTH: usize = 64;
/// Operators in one chain (`a + b + c …`) build a left-deep tree; checking
/// and evaluating recurse over it, so its depth is bounded too (the browser
/// build has a small stack).
const MAX_CHAIN: usize = 64;

fn tokenize(src: &str) -> Result<Vec<(Tok, usize)>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let n = text
                .parse::<i64>()
                .ok()
                .filter(|n| *n <= 1_000_000_000)
                .ok_or(ParseError { column: col, message: format!("getal {text} is te groot") })?;
            out.push((Tok::Int(n), col));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Tok::Ident(chars[start..i].iter().collect()), col));
        } else if c == '\'' {
            let start = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            if i == chars.len() {
                return Err(ParseError { column: col, message: "tekst zonder afsluitend aanhalingsteken (')".into() });
            }
            out.push((Tok::Text(chars[start..i].iter().collect()), col));
            i += 1;
        } else {
            let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let sym = match two.as_str() {
                "==" => Some("=="),
                "!=" => Some("!="),
                "<=" => Some("<="),
                ">=" => Some(">="),
                _ => None,
            };
            if let Some(s) = sym {
                out.push((Tok::Sym(s), col));
                i += 2;
                continue;
            }
            let one = match c {
                '<' => "<",
                '>' => ">",
                '+' => "+",
                '-' => "-",
                '*' => "*",
                '(' => "(",
                ')' => ")",
                '[' => "[",
                ']' => "]",
                ',' => ",",
                '=' => return Err(ParseError { column: col, message: "gebruik == om te vergelijken".into() }),
                '/' => {
                    return Err(ParseError {
                        column: col,
                        message: "delen kan niet: rekenen gaat in hele minuten zonder afronding".into(),
                    })
                }
                _ => return Err(ParseError { column: col, message: format!("onbekend teken '{c}'") }),
            };
            out.push((Tok::Sym(one), col));
            i += 1;
        }
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

pub fn parse(src: &str) -> Result<Node, ParseError> {
    if src.len() > MAX_LEN {
        return Err(ParseError { column: 1, message: format!("expressie is langer dan {MAX_LEN} tekens") });
    }
    let mut p = Parser { toks: tokenize(src)?, pos: 0, depth: 0 };
    let node = p.expr()?;
    match p.peek() {
        Tok::End => Ok(node),
        other => Err(p.error(format!("onverwacht {} na een volledige expressie", describe(other)))),
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Int(n) => format!("getal {n}"),
        Tok::Text(s) => format!("tekst '{s}'"),
        Tok::Ident(s) => format!("'{s}'"),
        Tok::Sym(s) => format!("'{s}'"),
        Tok::End => "einde".into(),
    }
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }
    fn column(&self) -> usize {
        self.toks[self.pos].1
    }
    fn bump(&mut self) -> (Tok, usize) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn error(&self, message: String) -> ParseError {
        ParseError { column: self.column(), message }
    }
    fn is_sym(&self, s: &str) -> bool {
        matches!(self.peek(), Tok::Sym(x) if *x == s)
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Tok::Ident(x) if x == w)
    }
    fn expect_sym(&mut self, s: &str) -> Result<(), ParseError> {
        if self.is_sym(s) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(format!("'{s}' verwacht, maar {} gevonden", describe(self.peek()))))
        }
    }

    fn expr(&mut self) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("expressie is te diep genest".into()));
        }
        let r = self.or();
        self.depth -= 1;
        r
    }

    fn binary_chain(
        &mut self,
        ops: &[(&str, BinOp)],
        next: fn(&mut Self) -> Result<Node, ParseError>,
        words: bool,
    ) -> Result<Node, ParseError> {
        let mut left = next(self)?;
        let mut chained = 0;
        'outer: loop {
            for (text, op) in ops {
                let hit = if words { self.is_word(text) } else { self.is_sym(text) };
                if hit {
                    chained += 1;
                    if chained > MAX_CHAIN {
                        return Err(self.error(format!(
                            "meer dan {MAX_CHAIN} bewerkingen achter elkaar; gebruik haakjes of een tabel"
                        )));
                    }
                    self.bump();
                    let right = next(self)?;
                    let column = left.column;
                    left = Node { syntax: Syntax::Binary(*op, Box::new(left), Box::new(right)), column };
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn or(&mut self) -> Result<Node, ParseError> {
        self.binary_chain(&[("or", BinOp::Or)], Self::and, true)
    }
    fn and(&mut self) -> Result<Node, ParseError> {
        self.binary_chain(&[("and", BinOp::And)], Self::not, true)
    }
    fn not(&mut self) -> Result<Node, ParseError> {
        if self.is_word("not") {
            let column = self.column();
            self.bump();
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(self.error("expressie is te diep genest".into()));
            }
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Node { syntax: Syntax::Not(Box::new(inner)), column });
        }
        self.cmp()
    }
    fn cmp(&mut self) -> Result<Node, ParseError> {
        let left = self.sum()?;
        let ops = [
            ("==", BinOp::Eq),
            ("!=", BinOp::Ne),
            ("<=", BinOp::Le),
            (">=", BinOp::Ge),
            ("<", BinOp::Lt),
            (">", BinOp::Gt),
        ];
        for (text, op) in ops {
            if self.is_sym(text) {
                self.bump();
                let right = self.sum()?;
                if ops.iter().any(|(t, _)| self.is_sym(t)) {
                    return Err(
                        self.error("vergelijkingen kunnen niet aan elkaar geschakeld worden; gebruik and".into())
                    );
                }
                let column = left.column;
                return Ok(Node { syntax: Syntax::Binary(op, Box::new(left), Box::new(right)), column });
            }
        }
        if self.is_word("in") {
            self.bump();
            self.expect_sym("[")?;
            let mut items = Vec::new();
            loop {
                let col = self.column();
                match self.bump().0 {
                    Tok::Text(s) => items.push((s, col)),
                    other => {
                        return Err(ParseError {
                            column: col,
                            message: format!(
                                "keuze tussen aanhalingstekens verwacht, maar {} gevonden",
                                describe(&other)
                            ),
                        })
                    }
                }
                if self.is_sym(",") {
                    self.bump();
                } else {
                    break;
                }
            }
            self.expect_sym("]")?;
            let column = left.column;
            return Ok(Node { syntax: Syntax::In(Box::new(left), items), column });
        }
        Ok(left)
    }
    fn sum(&mut self) -> Result<Node, ParseError> {
        self.binary_chain(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::product, false)
    }
    fn product(&mut self) -> Result<Node, ParseError> {
        self.binary_chain(&[("*", BinOp::Mul)], Self::unary, false)
    }
    fn unary(&mut self) -> Result<Node, ParseError> {
        if self.is_sym("-") {
            let column = self.column();
            self.bump();
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(self.error("expressie is te diep genest".into()));
            }
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Node { syntax: Syntax::Neg(Box::new(inner)), column });
        }
        self.atom()
    }
    fn atom(&mut self) -> Result<Node, ParseError> {
        let (tok, column) = self.bump();
        let syntax = match tok {
            Tok::Int(n) => Syntax::Int(n),
            Tok::Text(s) => Syntax::Text(s),
            Tok::Ident(w) if w == "true" => Syntax::Bool(true),
            Tok::Ident(w) if w == "false" => Syntax::Bool(false),
            Tok::Ident(w) if ["and", "or", "not", "in"].contains(&w.as_str()) => {
                return Err(ParseError { column, message: format!("'{w}' staat hier op een verkeerde plek") })
            }
            Tok::Ident(w) => {
                if self.is_sym("(") {
                    self.bump();
                    let mut args = vec![self.expr()?];
                    while self.is_sym(",") {
                        self.bump();
                        args.push(self.expr()?);
                    }
                    self.expect_sym(")")?;
                    Syntax::Call(w, args)
                } else {
                    Syntax::Name(w)
                }
            }
            Tok::Sym("(") => {
                let inner = self.expr()?;
                self.expect_sym(")")?;
                return Ok(Node { syntax: inner.syntax, column });
            }
            other => {
                return Err(ParseError {
                    column,
                    message: format!("waarde verwacht, maar {} gevonden", describe(&other)),
                })
            }
        };
        Ok(Node { syntax, column })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_precedence_and_reports_columns() {
        let n = parse("a + 2 * b > 3 and not c").unwrap();
        assert!(matches!(n.syntax, Syntax::Binary(BinOp::And, _, _)));
        let e = parse("a = 1").unwrap_err();
        assert_eq!(e.column, 3);
        let e = parse("beperkingen in ['enig', veel]").unwrap_err();
        assert_eq!(e.column, 25);
        assert!(parse("((((a))))").is_ok());
        assert!(parse(&"(".repeat(500)).is_err());
        assert!(parse(&"not ".repeat(500)).is_err());
        assert!(parse(&"-".repeat(500)).is_err());
        assert!(parse("a < b < c").is_err());
        assert!(parse("'open").is_err());
        assert!(parse("").is_err());
        assert!(parse("99999999999999999999").is_err());
        assert!(parse(&vec!["a"; 60].join(" + ")).is_ok());
        assert!(parse(&vec!["a"; 600].join("+")).is_err());
        assert!(parse(&vec!["a"; 600].join(" or ")).is_err());
    }
}
