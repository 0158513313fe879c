fn main() -> Result<(), codegen::build::BuildError> {
    codegen::build::Builder::new()
        .docs("../../docs-input")
        .module_name("graph")
        .keep_operations(["createItemPublication"])
        .generate()?;
    Ok(())
}
