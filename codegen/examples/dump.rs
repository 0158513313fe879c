fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let l = codegen::pipeline::load(std::path::Path::new(&dir)).unwrap();
    for d in &l.diagnostics {
        eprintln!("{d}");
    }
    println!("{}", serde_json::to_string_pretty(&l.api).unwrap());
}
