//! The fast path of parsing: a hand-written recursive-descent parser, with
//! precedence climbing for the operator tiers, over the same tokens and
//! building the same tree as the lalrpop grammar (`grammar.lalrpop`).
//!
//! The grammar's LR automaton reduces every operand through a chain of about
//! twenty unit rules (one per operator tier and family), each a pop and a
//! push of a large symbol; this parser reads an operand once and climbs the
//! operator table in a loop. It accepts only input the grammar accepts, and
//! builds exactly the grammar's tree (the same `build` helpers, the same
//! positions): whenever it meets anything else (a syntax error, a form it
//! does not know, nesting deeper than [`MAX_DEPTH`]) it gives up, and the
//! caller runs the grammar, which gives the tree or words the error. So the
//! grammar stays the definition of the language and of its errors; this is
//! only a faster way to the same tree for the code people write.
//!
//! The grammar's families (see its header) are tracked as [`Fam`]: whether
//! an expression is matched, ends in a do-block call, ends in a call without
//! parentheses, or ends in a capture. Where the grammar allows no do-block
//! (the arguments of a call without parentheses, a capture's operand), the
//! expression is read with `nd` (no do) set, so a `do` is left to the call
//! outside, as the grammar does.

use std::mem;

use super::build::{self as b, DoBlockParts, Elems, Head, Item, MapItem};
use crate::ast::{BinOp, CallTarget, Expr, ExprKind, Program, Span, UnaryOp};
use crate::lexer::Tok;

/// The parser gave up: the grammar decides.
pub(super) struct Bail;

type R<T> = Result<T, Bail>;

/// How deep the parser recurses before it leaves the input to the grammar
/// (whose stack is on the heap).
const MAX_DEPTH: u32 = 150;

/// The grammar's expression families: matched, unmatched (ends in a
/// do-block call), open (ends in a call without parentheses), capture
/// (ends in `&x`, which counts as matched below the level of `=`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fam {
    M,
    U,
    O,
    C,
}

/// Parses the tokens of a whole range, or gives up. The tokens' payloads
/// are taken (left as `Tok::Eoe`), so after a bail they must be lexed again.
pub(super) fn parse(toks: &mut [(usize, Tok, usize)]) -> Option<Program> {
    let mut p = P {
        toks,
        pos: 0,
        prev_end: 0,
        depth: 0,
    };
    let items = if p.toks.is_empty() {
        vec![]
    } else {
        p.items().ok()?
    };
    if p.pos != p.toks.len() {
        return None;
    }
    b::program(items).ok()
}

struct P<'a> {
    toks: &'a mut [(usize, Tok, usize)],
    pos: usize,
    /// Where the last token taken ends (lalrpop's `@R`).
    prev_end: usize,
    depth: u32,
}

fn bail<T, E>(_: E) -> R<T> {
    Err(Bail)
}

/// A binary operator: its level (higher binds tighter), whether it is
/// right-associative, and its node.
fn binop(t: &Tok) -> Option<(u8, bool, BinOp)> {
    Some(match t {
        Tok::LArrow => (1, false, BinOp::LArrow),
        Tok::BackBack => (1, false, BinOp::Default),
        Tok::When => (2, true, BinOp::When),
        Tok::ColonColon => (3, true, BinOp::Type),
        Tok::Bar => (4, true, BinOp::Bar),
        Tok::Eq => (7, true, BinOp::Match),
        Tok::OrOr => (8, false, BinOp::OrOr),
        Tok::OrOrOr => (8, false, BinOp::Custom("|||")),
        Tok::Or => (8, false, BinOp::Or),
        Tok::AndAnd => (9, false, BinOp::AndAnd),
        Tok::AndAndAnd => (9, false, BinOp::Custom("&&&")),
        Tok::And => (9, false, BinOp::And),
        Tok::EqEq => (10, false, BinOp::Eq),
        Tok::NotEq => (10, false, BinOp::Ne),
        Tok::TildeEq => (10, false, BinOp::RegexMatch),
        Tok::EqEqEq => (10, false, BinOp::StrictEq),
        Tok::NotEqEq => (10, false, BinOp::StrictNe),
        Tok::Lt => (11, false, BinOp::Lt),
        Tok::Gt => (11, false, BinOp::Gt),
        Tok::Le => (11, false, BinOp::Le),
        Tok::Ge => (11, false, BinOp::Ge),
        Tok::PipeRight => (12, false, BinOp::PipeRight),
        Tok::ArrowOp(op) => (12, false, BinOp::Custom(op)),
        Tok::In => (13, false, BinOp::In),
        Tok::NotIn => (13, false, BinOp::NotIn),
        Tok::CaretCaretCaret => (14, false, BinOp::Custom("^^^")),
        Tok::SlashSlash => (15, true, BinOp::RangeStep),
        Tok::PlusPlus => (16, true, BinOp::Concat),
        Tok::MinusMinus => (16, true, BinOp::Subtract),
        Tok::ConcatOp3(op) => (16, true, BinOp::Custom(op)),
        Tok::DotDot => (16, true, BinOp::Range),
        Tok::Concat => (16, true, BinOp::StrConcat),
        Tok::Plus => (17, false, BinOp::Add),
        Tok::Minus => (17, false, BinOp::Sub),
        Tok::Star => (18, false, BinOp::Mul),
        Tok::Slash => (18, false, BinOp::Div),
        Tok::StarStar => (19, false, BinOp::Pow),
        _ => return None,
    })
}

fn unop(t: &Tok) -> Option<UnaryOp> {
    Some(match t {
        Tok::Minus => UnaryOp::Neg,
        Tok::Plus => UnaryOp::Plus,
        Tok::Bang => UnaryOp::Bang,
        Tok::Caret => UnaryOp::Pin,
        Tok::Not => UnaryOp::Not,
        Tok::TildeTildeTilde => UnaryOp::Custom("~~~"),
        _ => return None,
    })
}

/// The level of `=`: a capture's operand takes every operator from it up.
const MATCH_LEVEL: u8 = 7;

/// Tokens that can start an expression (the grammar's `EXPRESSION_STARTS`).
fn starts_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Ident(_)
            | Tok::CallIdent(_)
            | Tok::ParenIdent(_)
            | Tok::DoIdent(_)
            | Tok::OpIdent(_)
            | Tok::Alias(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Atom(_)
            | Tok::AtomInterp(_)
            | Tok::Str(_)
            | Tok::Bin(_)
            | Tok::Charlist(_)
            | Tok::Sigil(_)
            | Tok::CaptureInt(_)
            | Tok::True
            | Tok::False
            | Tok::Nil
            | Tok::Fn
            | Tok::LParen
            | Tok::LBracket
            | Tok::LBrace
            | Tok::MapOpen
            | Tok::Percent
            | Tok::BitOpen
            | Tok::At
            | Tok::Amp
            | Tok::Minus
            | Tok::Plus
            | Tok::Bang
            | Tok::Caret
            | Tok::Not
            | Tok::TildeTildeTilde
            | Tok::DotDotNullary
            | Tok::SemiParens
    )
}

fn block_kw(t: Option<&Tok>) -> Option<&'static str> {
    Some(match t? {
        Tok::Else => "else",
        Tok::After => "after",
        Tok::Rescue => "rescue",
        Tok::Catch => "catch",
        _ => return None,
    })
}

fn is_key(t: Option<&Tok>) -> bool {
    matches!(t, Some(Tok::KwKey(_) | Tok::KwKeyInterp(_)))
}

impl P<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.1)
    }

    /// Is the next token `t` (a token without a payload)?
    fn is(&self, t: &Tok) -> bool {
        self.peek()
            .is_some_and(|p| mem::discriminant(p) == mem::discriminant(t))
    }

    /// Where the next token starts (lalrpop's `@L`).
    fn start(&self) -> usize {
        self.toks.get(self.pos).map_or(self.prev_end, |t| t.0)
    }

    /// Takes the next token (its payload; `Tok::Eoe` stays behind).
    fn bump(&mut self) -> R<Tok> {
        let Some(t) = self.toks.get_mut(self.pos) else {
            return Err(Bail);
        };
        self.pos += 1;
        self.prev_end = t.2;
        Ok(mem::replace(&mut t.1, Tok::Eoe))
    }

    /// Steps over the next token (one whose payload is not needed).
    fn skip(&mut self) {
        if let Some(t) = self.toks.get(self.pos) {
            self.prev_end = t.2;
            self.pos += 1;
        }
    }

    fn expect(&mut self, t: &Tok) -> R<()> {
        if self.is(t) {
            self.skip();
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Takes an identifier-like token's name.
    fn name(&mut self) -> R<String> {
        match self.bump()? {
            Tok::Ident(n)
            | Tok::CallIdent(n)
            | Tok::ParenIdent(n)
            | Tok::DoIdent(n)
            | Tok::OpIdent(n)
            | Tok::Alias(n) => Ok(n),
            _ => Err(Bail),
        }
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Bail);
        }
        Ok(())
    }

    // -----------------------------------------------------------------
    // Blocks
    // -----------------------------------------------------------------

    /// `Items`: items separated by newlines.
    fn items(&mut self) -> R<Vec<Item>> {
        let mut v = vec![self.item()?];
        while self.is(&Tok::Eoe) {
            self.skip();
            v.push(self.item()?);
        }
        Ok(v)
    }

    /// An expression, or the start of a `->` clause.
    fn item(&mut self) -> R<Item> {
        let l = self.start();
        match self.peek() {
            Some(Tok::Arrow) => return self.clause(l, Head::default()),
            Some(Tok::KwKey(_) | Tok::KwKeyInterp(_)) => {
                let kw = self.np_kw()?;
                if !self.is(&Tok::Arrow) {
                    return Err(Bail);
                }
                return self.clause(l, Head::from_args(vec![b::kw_list(kw)]));
            }
            _ => {}
        }
        let (e, f) = self.expr(1, false)?;
        match self.peek() {
            Some(Tok::Arrow) if f != Fam::U => self.clause(l, Head::from_args(vec![e])),
            Some(Tok::Comma) if f == Fam::M => {
                self.skip();
                let mut args = vec![e];
                self.np_rest(&mut args)?;
                if !self.is(&Tok::Arrow) {
                    return Err(Bail);
                }
                self.clause(l, Head::from_args(args))
            }
            Some(Tok::Arrow | Tok::Comma) => Err(Bail),
            _ => Ok(Item::Expr(e)),
        }
    }

    /// `-> body?` after a clause's head, which started at `l`.
    fn clause(&mut self, l: usize, head: Head) -> R<Item> {
        let a = self.start();
        self.expect(&Tok::Arrow)?;
        let ar = self.prev_end;
        let body = match self.peek() {
            Some(t) if starts_expr(t) => Some(self.expr(1, false)?.0),
            _ => None,
        };
        Ok(Item::Clause {
            span: b::sp(l, self.prev_end),
            head,
            arrow: b::sp(a, ar),
            body,
        })
    }

    /// `do items (section items)* end`.
    fn do_block(&mut self) -> R<DoBlockParts> {
        let l = self.start();
        self.expect(&Tok::Do)?;
        let r = self.prev_end;
        let body = self.section_items()?;
        let mut sections = Vec::new();
        while let Some(k) = block_kw(self.peek()) {
            let sl = self.start();
            self.skip();
            let sr = self.prev_end;
            let items = self.section_items()?;
            sections.push((k, b::sp(sl, sr), items));
        }
        self.expect(&Tok::End)?;
        Ok(DoBlockParts {
            first: (b::sp(l, r), body),
            sections,
            end: self.prev_end,
        })
    }

    fn section_items(&mut self) -> R<Option<Vec<Item>>> {
        if self.is(&Tok::End) || block_kw(self.peek()).is_some() {
            Ok(None)
        } else {
            Ok(Some(self.items()?))
        }
    }

    // -----------------------------------------------------------------
    // Arguments and containers
    // -----------------------------------------------------------------

    /// `key:` (its span stops before the colon).
    fn kw_key(&mut self) -> R<Expr> {
        let l = self.start();
        match self.bump()? {
            Tok::KwKey(k) => Ok(b::atom(k, l, self.prev_end - 1)),
            Tok::KwKeyInterp(k) => Ok(b::atom_interp(k, l, self.prev_end - 1)),
            _ => Err(Bail),
        }
    }

    /// Arguments of a call without parentheses (`NPArgs`).
    fn np_args(&mut self) -> R<Vec<Expr>> {
        if is_key(self.peek()) {
            return Ok(vec![b::kw_list(self.np_kw()?)]);
        }
        let (e, f) = self.expr(1, true)?;
        match f {
            Fam::O => return Ok(vec![e]),
            Fam::U => return Err(Bail),
            _ => {}
        }
        let mut args = vec![e];
        if self.is(&Tok::Comma) {
            self.skip();
            self.np_rest(&mut args)?;
        }
        Ok(args)
    }

    /// The arguments after a comma (`NPRest`).
    fn np_rest(&mut self, args: &mut Vec<Expr>) -> R<()> {
        loop {
            if is_key(self.peek()) {
                args.push(b::kw_list(self.np_kw()?));
                return Ok(());
            }
            let (e, f) = self.expr(1, true)?;
            match f {
                Fam::O => {
                    args.push(b::single_open(e, "nested calls").or_else(bail)?);
                    return Ok(());
                }
                Fam::U => return Err(Bail),
                _ => args.push(e),
            }
            if !self.is(&Tok::Comma) {
                return Ok(());
            }
            self.skip();
        }
    }

    /// Keywords without brackets (`NPKw`).
    fn np_kw(&mut self) -> R<Vec<(Expr, Expr)>> {
        let mut kw = Vec::new();
        loop {
            let k = self.kw_key()?;
            let (v, f) = self.expr(1, true)?;
            kw.push((k, v));
            match f {
                Fam::O => return Ok(kw),
                Fam::U => return Err(Bail),
                _ => {}
            }
            if !self.is(&Tok::Comma) {
                return Ok(kw);
            }
            self.skip();
            if !is_key(self.peek()) {
                return Err(Bail);
            }
        }
    }

    /// Keywords in brackets (`KwList`, a trailing comma allowed).
    fn kw_list(&mut self) -> R<Vec<(Expr, Expr)>> {
        let mut kw = Vec::new();
        loop {
            let k = self.kw_key()?;
            let (v, f) = self.expr(1, false)?;
            kw.push((k, v));
            if f == Fam::O || !self.is(&Tok::Comma) {
                return Ok(kw);
            }
            self.skip();
            if !is_key(self.peek()) {
                return Ok(kw);
            }
        }
    }

    /// `(args)` (`ParenArgs`).
    fn paren_args(&mut self) -> R<Vec<Expr>> {
        self.expect(&Tok::LParen)?;
        let mut args = Vec::new();
        if self.is(&Tok::RParen) {
            self.skip();
            return Ok(args);
        }
        loop {
            if is_key(self.peek()) {
                args.push(b::kw_list(self.kw_list()?));
                break;
            }
            let (e, f) = self.expr(1, false)?;
            if f == Fam::O {
                if args.is_empty() {
                    args.push(e);
                } else {
                    args.push(b::single_open(e, "nested calls").or_else(bail)?);
                }
                break;
            }
            args.push(e);
            if !self.is(&Tok::Comma) {
                break;
            }
            self.skip();
        }
        self.expect(&Tok::RParen)?;
        Ok(args)
    }

    /// The items of a list, tuple or bitstring up to `close` (`Elems`).
    fn elems(&mut self, close: &Tok) -> R<Elems> {
        let mut exprs = Vec::new();
        let mut kw = Vec::new();
        loop {
            if is_key(self.peek()) {
                kw = self.kw_list()?;
                break;
            }
            let (e, f) = self.expr(1, false)?;
            if f == Fam::O {
                exprs.push(b::single_open(e, "containers").or_else(bail)?);
                break;
            }
            exprs.push(e);
            if !self.is(&Tok::Comma) {
                break;
            }
            self.skip();
            if self.is(close) {
                break;
            }
        }
        Ok(Elems::from_parts(exprs, kw))
    }

    /// `[`, `{` or `<<` ... `close`, the opener taken.
    fn container(&mut self, close: &Tok) -> R<Option<Elems>> {
        if self.is(close) {
            self.expect(close)?;
            return Ok(None);
        }
        let e = self.elems(close)?;
        self.expect(close)?;
        Ok(Some(e))
    }

    /// What is inside `%{...}` or `%Name{...}`, the `{` taken; then `}`.
    fn map_inner(&mut self) -> R<Option<b::MapInner>> {
        if self.is(&Tok::RBrace) {
            self.skip();
            return Ok(None);
        }
        let mut items = Vec::new();
        let mut update = None;
        if !is_key(self.peek()) {
            let side = self.map_side()?;
            if self.is(&Tok::Bar) {
                self.skip();
                update = Some(side);
                self.map_pairs(&mut items)?;
            } else {
                items.push(self.assoc(side)?);
                if self.is(&Tok::Comma) {
                    self.skip();
                    if !self.is(&Tok::RBrace) {
                        self.map_pairs(&mut items)?;
                    }
                }
            }
        } else {
            self.map_pairs(&mut items)?;
        }
        self.expect(&Tok::RBrace)?;
        Ok(Some((update, items)))
    }

    /// A key of `=>` (or the base of an update): `M6 | U7`.
    fn map_side(&mut self) -> R<Expr> {
        let (e, f) = self.expr(MATCH_LEVEL, false)?;
        if f == Fam::O {
            return Err(Bail);
        }
        Ok(e)
    }

    fn assoc(&mut self, side: Expr) -> R<MapItem> {
        if self.is(&Tok::FatArrow) {
            self.skip();
            let (v, f) = self.expr(1, false)?;
            if f == Fam::O {
                return Err(Bail);
            }
            return Ok(MapItem::Pair(side, v));
        }
        b::map_entry(side).or_else(bail)
    }

    /// `MapPairs`: assocs, then maybe keywords; a trailing comma allowed.
    fn map_pairs(&mut self, items: &mut Vec<MapItem>) -> R<()> {
        loop {
            if is_key(self.peek()) {
                let kw = self.kw_list()?;
                items.extend(kw.into_iter().map(|(k, v)| MapItem::Pair(k, v)));
                return Ok(());
            }
            let side = self.map_side()?;
            items.push(self.assoc(side)?);
            if !self.is(&Tok::Comma) {
                return Ok(());
            }
            self.skip();
            if self.is(&Tok::RBrace) {
                return Ok(());
            }
        }
    }

    // -----------------------------------------------------------------
    // Expressions
    // -----------------------------------------------------------------

    /// An expression of operators from level `min` up.
    fn expr(&mut self, min: u8, nd: bool) -> R<(Expr, Fam)> {
        self.enter()?;
        let (mut l, mut fam) = self.prefix(nd)?;
        while let Some((level, right, op)) = self.peek().and_then(binop) {
            if level < min {
                break;
            }
            // Only the last operand of a chain may be open or a capture
            // (a capture's operand has taken every operator from `=` up).
            match fam {
                Fam::O => return Err(Bail),
                Fam::C if level >= MATCH_LEVEL => return Err(Bail),
                _ => {}
            }
            let os = self.start();
            self.skip();
            let op_span = Span::new(os, self.start());
            if op == BinOp::When && is_key(self.peek()) {
                // `a when b: c` (type specs): the keywords end the expression.
                if fam == Fam::U {
                    return Err(Bail);
                }
                let kw = self.np_kw()?;
                l = b::binary((op, op_span), l, b::kw_list(kw)).or_else(bail)?;
                fam = Fam::O;
                continue;
            }
            let (r, rf) = self.expr(if right { level } else { level + 1 }, nd)?;
            let left_u = fam == Fam::U;
            fam = match rf {
                Fam::M => fam_left(fam),
                Fam::U => Fam::U,
                Fam::O if left_u => return Err(Bail),
                Fam::O => Fam::O,
                Fam::C if level < MATCH_LEVEL => fam_left(fam),
                Fam::C if left_u => return Err(Bail),
                Fam::C => Fam::C,
            };
            l = b::binary((op, op_span), l, r).or_else(bail)?;
        }
        self.depth -= 1;
        if fam == Fam::C && min < MATCH_LEVEL {
            fam = Fam::M;
        }
        Ok((l, fam))
    }

    /// Unary operators and captures, then a level-20 expression.
    fn prefix(&mut self, nd: bool) -> R<(Expr, Fam)> {
        let Some(t) = self.peek() else {
            return Err(Bail);
        };
        if let Some(op) = unop(t) {
            self.enter()?;
            let os = self.start();
            self.skip();
            let op_span = Span::new(os, self.start());
            let (e, f) = self.prefix(nd)?;
            self.depth -= 1;
            return Ok((b::unary((op, op_span), e), f));
        }
        if *t == Tok::Amp {
            let l = self.start();
            self.skip();
            let (e, f) = self.expr(MATCH_LEVEL, true)?;
            let fam = match f {
                Fam::M | Fam::C => Fam::C,
                Fam::O => Fam::O,
                Fam::U => return Err(Bail),
            };
            return Ok((b::capture(l, e), fam));
        }
        self.postfix(nd)
    }

    /// Level 20: calls, dots, access, `@`, literals.
    fn postfix(&mut self, nd: bool) -> R<(Expr, Fam)> {
        let l = self.start();
        let mut e = match self.peek() {
            Some(Tok::At) => {
                self.skip();
                let nl = self.start();
                match self.peek() {
                    Some(Tok::CallIdent(_)) => {
                        let n = self.name()?;
                        let args = self.np_args()?;
                        if !nd && self.is(&Tok::Do) {
                            let d = self.do_block()?;
                            let r = self.prev_end;
                            let c = b::block_call(nl, r, CallTarget::Local(n), args, true, d)
                                .or_else(bail)?;
                            return Ok((b::at(l, r, c), Fam::U));
                        }
                        let r = self.prev_end;
                        let c = b::call(nl, r, CallTarget::Local(n), args, true, None);
                        return Ok((b::at(l, r, c), Fam::O));
                    }
                    Some(Tok::OpIdent(_)) => {
                        let n = self.name()?;
                        let args = self.np_args()?;
                        let r = self.prev_end;
                        let c = b::op_call(nl, r, CallTarget::Local(n), args);
                        return Ok((b::at(l, r, c), Fam::O));
                    }
                    Some(Tok::DoIdent(_)) if !nd => {
                        let n = self.name()?;
                        let d = self.do_block()?;
                        let r = self.prev_end;
                        let c = b::block_call(nl, r, CallTarget::Local(n), vec![], true, d)
                            .or_else(bail)?;
                        return Ok((b::at(l, r, c), Fam::U));
                    }
                    _ => {
                        let operand = self.at_operand()?;
                        b::at(l, self.prev_end, operand)
                    }
                }
            }
            Some(Tok::CallIdent(_)) => {
                let n = self.name()?;
                let args = self.np_args()?;
                if !nd && self.is(&Tok::Do) {
                    let d = self.do_block()?;
                    let r = self.prev_end;
                    let c =
                        b::block_call(l, r, CallTarget::Local(n), args, true, d).or_else(bail)?;
                    return Ok((c, Fam::U));
                }
                let r = self.prev_end;
                return Ok((
                    b::call(l, r, CallTarget::Local(n), args, true, None),
                    Fam::O,
                ));
            }
            Some(Tok::OpIdent(_)) => {
                let n = self.name()?;
                let args = self.np_args()?;
                let r = self.prev_end;
                return Ok((b::op_call(l, r, CallTarget::Local(n), args), Fam::O));
            }
            Some(Tok::DoIdent(_)) if !nd => {
                let n = self.name()?;
                let d = self.do_block()?;
                let r = self.prev_end;
                let c = b::block_call(l, r, CallTarget::Local(n), vec![], true, d).or_else(bail)?;
                return Ok((c, Fam::U));
            }
            Some(Tok::ParenIdent(_)) => {
                let n = self.name()?;
                let args = self.paren_args()?;
                if self.is(&Tok::LParen) {
                    let args2 = self.paren_args()?;
                    if !nd && self.is(&Tok::Do) {
                        let d = self.do_block()?;
                        let r = self.prev_end;
                        let callee = b::call(l, r, CallTarget::Local(n), args, false, None);
                        let c = b::block_call(
                            l,
                            r,
                            CallTarget::Dynamic(Box::new(callee)),
                            args2,
                            false,
                            d,
                        )
                        .or_else(bail)?;
                        return Ok((c, Fam::U));
                    }
                    let r = self.prev_end;
                    let callee = b::call(l, r, CallTarget::Local(n), args, false, None);
                    b::nested_call(l, r, callee, args2)
                } else if !nd && self.is(&Tok::Do) {
                    let d = self.do_block()?;
                    let r = self.prev_end;
                    let c =
                        b::block_call(l, r, CallTarget::Local(n), args, false, d).or_else(bail)?;
                    return Ok((c, Fam::U));
                } else {
                    b::call(l, self.prev_end, CallTarget::Local(n), args, false, None)
                }
            }
            _ => self.primary()?,
        };
        loop {
            match self.peek() {
                Some(Tok::Dot) => {
                    let d = self.start();
                    self.skip();
                    let nl = self.start();
                    match self.peek() {
                        Some(Tok::Ident(_)) => {
                            let n = self.name()?;
                            e = b::remote(l, self.prev_end, e, d, nl, n, vec![], true);
                        }
                        Some(Tok::DoIdent(_)) => {
                            let n = self.name()?;
                            if nd {
                                e = b::remote(l, self.prev_end, e, d, nl, n, vec![], true);
                            } else {
                                let blk = self.do_block()?;
                                let r = self.prev_end;
                                let c = b::block_call(
                                    l,
                                    r,
                                    CallTarget::Remote(Box::new(e), n),
                                    vec![],
                                    true,
                                    blk,
                                )
                                .or_else(bail)?;
                                return Ok((b::dotted(c, d, nl), Fam::U));
                            }
                        }
                        Some(Tok::Alias(_)) => {
                            let a = self.name()?;
                            e = b::alias_join(e, a, d, self.prev_end).or_else(bail)?;
                        }
                        Some(Tok::LBrace) => {
                            self.skip();
                            if self.is(&Tok::RBrace) {
                                self.expect(&Tok::RBrace)?;
                                let target = CallTarget::Remote(Box::new(e), "{}".into());
                                e = b::call(l, self.prev_end, target, vec![], false, None)
                                    .at(d as u32);
                            } else {
                                let items = self.elems(&Tok::RBrace)?;
                                self.expect(&Tok::RBrace)?;
                                e = b::dot_container(l, self.prev_end, d, e, items)
                                    .or_else(bail)?;
                            }
                        }
                        Some(Tok::ParenIdent(_)) => {
                            let n = self.name()?;
                            let args = self.paren_args()?;
                            if self.is(&Tok::LParen) {
                                let args2 = self.paren_args()?;
                                if !nd && self.is(&Tok::Do) {
                                    let blk = self.do_block()?;
                                    let r = self.prev_end;
                                    let callee = b::remote(l, r, e, d, nl, n, args, false);
                                    let c = b::block_call(
                                        l,
                                        r,
                                        CallTarget::Dynamic(Box::new(callee)),
                                        args2,
                                        false,
                                        blk,
                                    )
                                    .or_else(bail)?;
                                    return Ok((c.at(nl as u32), Fam::U));
                                }
                                let r = self.prev_end;
                                let callee = b::remote(l, r, e, d, nl, n, args, false);
                                e = b::nested_call(l, r, callee, args2);
                            } else if !nd && self.is(&Tok::Do) {
                                let blk = self.do_block()?;
                                let r = self.prev_end;
                                let c = b::block_call(
                                    l,
                                    r,
                                    CallTarget::Remote(Box::new(e), n),
                                    args,
                                    false,
                                    blk,
                                )
                                .or_else(bail)?;
                                return Ok((b::dotted(c, d, nl), Fam::U));
                            } else {
                                e = b::remote(l, self.prev_end, e, d, nl, n, args, false);
                            }
                        }
                        Some(Tok::CallIdent(_)) => {
                            let n = self.name()?;
                            let args = self.np_args()?;
                            if !nd && self.is(&Tok::Do) {
                                let blk = self.do_block()?;
                                let r = self.prev_end;
                                let c = b::block_call(
                                    l,
                                    r,
                                    CallTarget::Remote(Box::new(e), n),
                                    args,
                                    true,
                                    blk,
                                )
                                .or_else(bail)?;
                                return Ok((b::dotted(c, d, nl), Fam::U));
                            }
                            let r = self.prev_end;
                            return Ok((b::remote(l, r, e, d, nl, n, args, true), Fam::O));
                        }
                        Some(Tok::OpIdent(_)) => {
                            let n = self.name()?;
                            let args = self.np_args()?;
                            let r = self.prev_end;
                            return Ok((b::remote(l, r, e, d, nl, n, args, true), Fam::O));
                        }
                        _ => return Err(Bail),
                    }
                }
                Some(Tok::DotCall) => {
                    let d = self.start();
                    self.skip();
                    let args = self.paren_args()?;
                    if self.is(&Tok::LParen) {
                        let args2 = self.paren_args()?;
                        let r = self.prev_end;
                        let callee =
                            b::call(l, r, CallTarget::Anon(Box::new(e)), args, false, None)
                                .at(d as u32);
                        e = b::nested_call(l, r, callee, args2);
                    } else {
                        let r = self.prev_end;
                        e = b::call(l, r, CallTarget::Anon(Box::new(e)), args, false, None)
                            .at(d as u32);
                    }
                }
                Some(Tok::AccessOpen) => {
                    let a = self.start();
                    self.skip();
                    let k = self.access_arg()?;
                    self.expect(&Tok::RBracket)?;
                    e = Expr::new(
                        b::sp(l, self.prev_end),
                        ExprKind::Access(Box::new(e), Box::new(k)),
                    )
                    .at(a as u32);
                }
                _ => return Ok((e, Fam::M)),
            }
        }
    }

    /// What `@` applies to (`AtOperand`).
    fn at_operand(&mut self) -> R<Expr> {
        self.enter()?;
        let l = self.start();
        let e = match self.peek() {
            Some(Tok::ParenIdent(_)) => {
                let n = self.name()?;
                let args = self.paren_args()?;
                if self.is(&Tok::LParen) {
                    let args2 = self.paren_args()?;
                    let r = self.prev_end;
                    let callee = b::call(l, r, CallTarget::Local(n), args, false, None);
                    b::nested_call(l, r, callee, args2)
                } else {
                    b::call(l, self.prev_end, CallTarget::Local(n), args, false, None)
                }
            }
            Some(Tok::At) => {
                self.skip();
                let e = self.at_operand()?;
                b::at(l, self.prev_end, e)
            }
            Some(t) if unop(t).is_some() => {
                let op = unop(t).ok_or(Bail)?;
                self.skip();
                let op_span = Span::new(l, self.start());
                let e = self.at_operand()?;
                b::unary((op, op_span), e)
            }
            _ => self.primary()?,
        };
        self.depth -= 1;
        Ok(e)
    }

    /// `x[arg]`'s argument (`AccessArg`).
    fn access_arg(&mut self) -> R<Expr> {
        if is_key(self.peek()) {
            return Ok(b::kw_list(self.kw_list()?));
        }
        let (e, f) = self.expr(1, false)?;
        if f != Fam::O && self.is(&Tok::Comma) {
            self.skip();
        }
        Ok(e)
    }

    fn primary(&mut self) -> R<Expr> {
        let l = self.start();
        let t = self.bump()?;
        let r = self.prev_end;
        let sp = b::sp(l, r);
        Ok(match t {
            Tok::Int(n) => Expr::new(sp, ExprKind::Int(n)),
            Tok::Float(f) => Expr::new(sp, ExprKind::Float(f)),
            Tok::Atom(a) => b::atom(a, l, r),
            Tok::AtomInterp(a) => b::atom_interp(a, l, r),
            Tok::True => b::atom("true".into(), l, r),
            Tok::False => b::atom("false".into(), l, r),
            Tok::Nil => b::atom("nil".into(), l, r),
            Tok::Alias(a) => Expr::new(sp, ExprKind::Alias(a)),
            Tok::Ident(n) | Tok::DoIdent(n) => Expr::new(sp, ExprKind::Var(n)),
            Tok::CaptureInt(n) => Expr::new(sp, ExprKind::CaptureArg(n)),
            Tok::Str(s) => b::string(s, l, r),
            Tok::Bin(s) => b::binary_literal(s, l, r),
            Tok::Charlist(s) => Expr::new(sp, ExprKind::Charlist(s)),
            Tok::Sigil(s) => b::sigil(*s, l, r),
            Tok::DotDotNullary => {
                b::call(l, r, CallTarget::Local("..".into()), vec![], false, None)
            }
            Tok::SemiParens => b::semicolon_parens(l, r),
            Tok::LParen => {
                if self.is(&Tok::RParen) {
                    self.expect(&Tok::RParen)?;
                    Expr::new(b::sp(l, self.prev_end), ExprKind::Block(vec![]))
                } else {
                    let items = self.items()?;
                    self.expect(&Tok::RParen)?;
                    b::parens(items, l, self.prev_end).or_else(bail)?
                }
            }
            Tok::Fn => {
                let items = self.items()?;
                self.expect(&Tok::End)?;
                b::fn_expr(items, l, self.prev_end).or_else(bail)?
            }
            Tok::LBracket => match self.container(&Tok::RBracket)? {
                None => Expr::new(b::sp(l, self.prev_end), ExprKind::List(vec![], None)),
                Some(e) => b::list(e, l, self.prev_end),
            },
            Tok::LBrace => match self.container(&Tok::RBrace)? {
                None => Expr::new(b::sp(l, self.prev_end), ExprKind::Tuple(vec![])),
                Some(e) => b::tuple(e, l, self.prev_end).or_else(bail)?,
            },
            Tok::BitOpen => match self.container(&Tok::BitClose)? {
                None => Expr::new(b::sp(l, self.prev_end), ExprKind::Bitstring(vec![])),
                Some(e) => b::bitstring(e, l, self.prev_end),
            },
            Tok::MapOpen => {
                let inner = self.map_inner()?;
                b::map(inner, l, self.prev_end)
            }
            Tok::Percent => {
                let name = self.struct_name()?;
                self.expect(&Tok::LBrace)?;
                let inner = self.map_inner()?;
                b::structure(name, inner, l, self.prev_end)
            }
            _ => return Err(Bail),
        })
    }

    /// What stands between `%` and `{` (`StructName`).
    fn struct_name(&mut self) -> R<Expr> {
        let l = self.start();
        let mut e = self.struct_base()?;
        while self.is(&Tok::Dot) {
            let d = self.start();
            self.skip();
            let nl = self.start();
            e = match self.peek() {
                Some(Tok::Alias(_)) => {
                    let a = self.name()?;
                    b::alias_join(e, a, d, self.prev_end).or_else(bail)?
                }
                Some(Tok::ParenIdent(_)) => {
                    let n = self.name()?;
                    let args = self.paren_args()?;
                    b::remote(l, self.prev_end, e, d, nl, n, args, false)
                }
                Some(Tok::Ident(_) | Tok::CallIdent(_)) => {
                    let n = self.name()?;
                    b::remote(l, self.prev_end, e, d, nl, n, vec![], true)
                }
                _ => return Err(Bail),
            };
        }
        Ok(e)
    }

    fn struct_base(&mut self) -> R<Expr> {
        self.enter()?;
        let l = self.start();
        let e = match self.peek() {
            Some(Tok::Alias(_)) => {
                let a = self.name()?;
                Expr::new(b::sp(l, self.prev_end), ExprKind::Alias(a))
            }
            Some(Tok::Ident(_) | Tok::CallIdent(_)) => {
                let n = self.name()?;
                Expr::new(b::sp(l, self.prev_end), ExprKind::Var(n))
            }
            Some(Tok::Atom(_)) => match self.bump()? {
                Tok::Atom(a) => b::atom(a, l, self.prev_end),
                _ => return Err(Bail),
            },
            Some(Tok::ParenIdent(_)) => {
                let n = self.name()?;
                let args = self.paren_args()?;
                b::call(l, self.prev_end, CallTarget::Local(n), args, false, None)
            }
            Some(Tok::At) => {
                self.skip();
                let e = self.struct_base()?;
                b::at(l, self.prev_end, e)
            }
            Some(t) if unop(t).is_some() => {
                let op = unop(t).ok_or(Bail)?;
                self.skip();
                let op_span = Span::new(l, self.start());
                let e = self.struct_base()?;
                b::unary((op, op_span), e)
            }
            _ => return Err(Bail),
        };
        self.depth -= 1;
        Ok(e)
    }
}

/// A left operand's family once an operator follows it: a capture counts
/// as matched below the level of `=`.
fn fam_left(f: Fam) -> Fam {
    match f {
        Fam::C => Fam::M,
        f => f,
    }
}
