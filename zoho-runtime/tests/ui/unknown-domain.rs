use zoho_runtime::files::FilePart;
use zoho_runtime::zoho_endpoint;

#[zoho_endpoint(POST "/upload", scope = "ZohoFiles.files.ALL", domain = "contents")]
pub struct Call {
    #[zoho(file)]
    pub file: FilePart,
}

fn main() {}
