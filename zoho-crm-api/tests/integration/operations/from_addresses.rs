use zoho_crm_api::from_addresses::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let all = h.send(&GetFromAddresses::new()).await.unwrap();
    let patricia = all.from_addresses.iter().find(|a| a.user_name.as_deref() == Some("Patricia Boyle"));
    let patricia = patricia.expect("Patricia Boyle's address").clone();
    let id = patricia.id.clone().unwrap();
    let hers = h.send(&GetFromAddresses::new().with_user_id(&id)).await.unwrap();
    assert_eq!(hers.from_addresses, vec![patricia]);
    assert!(h.send(&GetFromAddresses::new().with_user_id("1")).await.is_none());
}
