//! Development aid: prints the parse tree (or the diagnostic) of a file or of
//! `-e CODE`: `cargo run -p beamlet-compiler --example parse -- [--flat] FILE`.
use beamlet_compiler::{
    ast_print::{sexp, sexp_flat},
    parser::parse,
};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let flat = args.first().is_some_and(|a| a == "--flat");
    if flat {
        args.remove(0);
    }
    let (name, src) = match args.as_slice() {
        [flag, code] if flag == "-e" => ("-e".to_string(), code.clone()),
        [file] => match std::fs::read_to_string(file) {
            Ok(s) => (file.clone(), s),
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: parse FILE | parse -e CODE");
            std::process::exit(2);
        }
    };
    match parse(&src) {
        Ok(p) => print!("{}", if flat { sexp_flat(&p) } else { sexp(&p) }),
        Err(d) => {
            print!("{}", d.render(&name, &src));
            std::process::exit(1);
        }
    }
}
